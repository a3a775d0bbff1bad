package dev.consolidate.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionResolverTest {
    @TempDir
    Path home;

    private ConnectionResolver resolver(Map<String, String> env) {
        return new ConnectionResolver(env, home);
    }

    @Test
    void readsALibpqUriWithEncodedPartsAndParameters() {
        ConnectionSpec s = resolver(Map.of()).resolve(
                "postgresql://app%40corp:p%3Ass@db.example.com:6543/my%20db?sslmode=require&application_name=x").orElseThrow();
        assertEquals("db.example.com", s.host());
        assertEquals(6543, s.port());
        assertEquals("my db", s.database());
        assertEquals("app@corp", s.user());
        assertEquals("p:ss", s.password());
        assertEquals("require", s.properties().getProperty("sslmode"));
        assertEquals("jdbc:postgresql://db.example.com:6543/my%20db", s.jdbcUrl());
    }

    @Test
    void neverShowsThePassword() {
        ConnectionSpec s = resolver(Map.of()).resolve("postgres://u:secret-pw@h/d").orElseThrow();
        assertFalse(s.toString().contains("secret-pw"));
        assertFalse(s.redacted().contains("secret-pw"));
        assertFalse(s.jdbcUrl().contains("secret-pw"));
        assertEquals("postgresql://u@h:5432/d", s.redacted());
    }

    @Test
    void readsJdbcUrlsAndKeyValueSettings() {
        ConnectionSpec j = resolver(Map.of()).resolve("jdbc:postgresql://h:5433/d?user=u&password=pw").orElseThrow();
        assertEquals("u", j.user());
        assertEquals("pw", j.password());
        assertEquals(5433, j.port());
        ConnectionSpec k = resolver(Map.of()).resolve("host=h2 port=5434 dbname='a b' user=me").orElseThrow();
        assertEquals("h2", k.host());
        assertEquals("a b", k.database());
        assertEquals(5434, k.port());
    }

    @Test
    void fallsBackToDatabaseUrlThenPgVariablesWithLibpqDefaults() {
        assertEquals("from-env", resolver(Map.of("DATABASE_URL", "postgresql://u@from-env/d")).resolve(null).orElseThrow().host());
        ConnectionSpec pg = resolver(Map.of("PGHOST", "pghost", "PGUSER", "bob")).resolve(null).orElseThrow();
        assertEquals("pghost", pg.host());
        assertEquals("bob", pg.user());
        assertEquals("bob", pg.database(), "libpq's default database is the user's name");
        assertEquals(5432, pg.port());
        assertEquals("PG* variables", pg.source());
        assertTrue(resolver(Map.of()).resolve(null).isEmpty());
    }

    @Test
    void partsMissingFromTheUrlComeFromPgVariables() {
        ConnectionSpec s = resolver(Map.of("PGPASSWORD", "envpw", "PGPORT", "7777")).resolve("postgresql://u@h/d").orElseThrow();
        assertEquals("envpw", s.password());
        assertEquals(7777, s.port());
    }

    @Test
    void takesThePasswordFromAPrivatePgpassFileOnly() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:*:*:*:nope\nh:5432:d:u:pa\\:ss\n*:*:*:*:fallback\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertEquals("pa:ss", resolver(Map.of()).resolve("postgresql://u@h/d").orElseThrow().password());
        assertEquals("fallback", resolver(Map.of()).resolve("postgresql://x@y/z").orElseThrow().password());
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(resolver(Map.of()).resolve("postgresql://u@h/d").orElseThrow().password(),
                "libpq ignores a password file others can read");
    }

    @Test
    void rejectsWhatItCannotReadWithoutEchoingThePassword() {
        Problem p = assertThrows(Problem.class, () -> resolver(Map.of()).resolve("postgresql://u:topsecret@h:99999/d"));
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertFalse(p.render().contains("topsecret"));
        assertThrows(Problem.class, () -> resolver(Map.of()).resolve("mysql://h/d"));
        assertThrows(Problem.class, () -> resolver(Map.of()).resolve("postgresql://%2Fvar%2Frun%2Fpostgresql/d"));
    }
}
