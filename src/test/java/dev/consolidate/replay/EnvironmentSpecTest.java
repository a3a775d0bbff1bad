package dev.consolidate.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.Tool;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentSpecTest {

    @Test
    void theProfileDefaultsToTheToolsPlatform() {
        assertEquals("supabase", Profile.forOption(null, Tool.SUPABASE).orElseThrow().name());
        assertEquals(Optional.empty(), Profile.forOption(null, Tool.PRISMA));
        assertEquals(Optional.empty(), Profile.forOption("none", Tool.SUPABASE));
        assertEquals("supabase", Profile.forOption("supabase", Tool.FLYWAY).orElseThrow().name());
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        Problem p = assertThrows(Problem.class, () -> Profile.forOption("firebase", Tool.SUPABASE));
        assertEquals(ExitCode.USAGE, p.exitCode());
    }

    @Test
    void theSupabaseProfileDeclaresItsScriptsSchemasRolesAndExtensions() {
        Profile p = Profile.named("supabase");
        assertEquals(List.of("roles.sql", "extensions.sql", "auth.sql", "storage.sql", "realtime.sql", "search-path.sql"), p.scripts());
        assertTrue(p.managedSchemas().containsAll(List.of("auth", "storage", "extensions", "realtime", "vault", "supabase_migrations")));
        assertTrue(p.roles().containsAll(List.of("anon", "authenticated", "service_role", "supabase_admin", "authenticator",
                "supabase_storage_admin", "supabase_auth_admin")));
        assertEquals(List.of("pgcrypto", "uuid-ossp"), List.copyOf(p.extensions()));
        p.scripts().forEach(s -> assertTrue(p.script(s).contains(";"), s));
    }

    @Test
    void settingsBecomeASpecWithTheBootstrapNamedRelativeToTheProject() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("search_path", "storage,public");
        set.put("storage.install_roles", "true");
        Path root = Path.of("/work/app");
        EnvironmentSpec spec = EnvironmentSpec.of(null, Tool.DBMATE, root.resolve("db/init.sql"), root, set);
        assertEquals(Optional.empty(), spec.profile());
        assertEquals("db/init.sql", spec.bootstrapLabel());
        assertEquals(List.of("search_path", "storage.install_roles"), List.copyOf(spec.sessionSettings().keySet()));
        assertEquals("", EnvironmentSpec.of("supabase", Tool.SUPABASE, null, root, Map.of()).bootstrapLabel());
    }
}
