package dev.consolidate.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the baseline goes. Unless converting, the history's own folder. When converting, the
 * folder the target tool itself reads, since a baseline anywhere else is one the tool never sees:
 * for Prisma the "migrations" folder beside the schema file Prisma finds for the package that
 * holds the legacy folder (package.json's "prisma.schema", else schema.prisma, else
 * prisma/schema.prisma, as the Prisma CLI looks); for the other tools their default folder.
 */
final class TargetFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param how why this folder, for the plan's notes; null when it is the history's own folder */
    record Choice(String folder, String how) {
    }

    private TargetFolder() {
    }

    static Choice of(ToolAdapter target, ResolvedProject project, MigrationSet set) {
        if (target.tool() == project.tool()) {
            return new Choice(set.folder(), null);
        }
        Choice choice = target.tool() == Tool.PRISMA ? prisma(project.projectRoot(), set.folder())
                : new Choice(target.defaultFolder(), target.tool() + "'s default folder " + target.defaultFolder() + ".");
        refuseExistingMigrations(target, project.projectRoot(), choice);
        return choice;
    }

    private static Choice prisma(Path root, String sourceFolder) {
        Path start = root.resolve(sourceFolder).normalize().getParent();
        for (Path dir = start; dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Optional<Path> schema = prismaSchema(dir);
            if (schema.isPresent()) {
                String folder = relative(root, schema.get().getParent().resolve("migrations"));
                return new Choice(folder, "The Prisma baseline goes to " + folder + "/: Prisma reads its migrations beside "
                        + relative(root, schema.get()) + ", the schema it finds for " + packageLabel(root, dir) + ".");
            }
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                String folder = relative(root, dir.resolve("prisma/migrations"));
                return new Choice(folder, "The Prisma baseline goes to " + folder + "/: no Prisma schema was found for "
                        + packageLabel(root, dir) + ", so Prisma's default folder of that package is used.");
            }
        }
        return new Choice("prisma/migrations", "The Prisma baseline goes to prisma/migrations/, Prisma's default folder:"
                + " no Prisma schema or package.json was found above " + sourceFolder + ".");
    }

    /** The schema Prisma finds when run in {@code dir}: package.json's prisma.schema, ./schema.prisma, ./prisma/schema.prisma. */
    private static Optional<Path> prismaSchema(Path dir) {
        Path pkg = dir.resolve("package.json");
        if (Files.isRegularFile(pkg)) {
            try {
                JsonNode schema = JSON.readTree(pkg.toFile()).path("prisma").path("schema");
                if (schema.isTextual() && Files.isRegularFile(dir.resolve(schema.asText()))) {
                    return Optional.of(dir.resolve(schema.asText()).normalize());
                }
            } catch (IOException e) {
                // An unreadable package.json names no schema; the file names below still count.
            }
        }
        for (String name : new String[] {"schema.prisma", "prisma/schema.prisma"}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return Optional.of(dir.resolve(name));
            }
        }
        return Optional.empty();
    }

    /**
     * A baseline added in front of migrations the target tool already tracks would be recorded as
     * applied while they are not: a conversion starts from a target folder without migrations.
     */
    private static void refuseExistingMigrations(ToolAdapter target, Path root, Choice choice) {
        Path folder = root.resolve(choice.folder());
        if (!Files.isDirectory(folder)) {
            return;
        }
        MigrationSet existing;
        try {
            existing = target.discover(root, folder);
        } catch (Problem none) {
            return;
        }
        if (!existing.isEmpty()) {
            throw Problem.usage(choice.folder() + " already holds " + existing.migrations().size() + " " + target.tool()
                            + " migration" + (existing.migrations().size() == 1 ? "" : "s") + " (first "
                            + existing.migrations().get(0).path() + ").")
                    .why("Converting writes the first " + target.tool() + " migration, the baseline of the whole history;"
                            + " migrations already in that folder would be recorded around it without being part of it.")
                    .fix("Consolidate that " + target.tool() + " history instead (--tool " + target.tool() + "), or move its"
                            + " migrations out of " + choice.folder() + " first.")
                    .state("Nothing was changed.")
                    .build();
        }
    }

    private static String packageLabel(Path root, Path dir) {
        String rel = relative(root, dir);
        return rel.isEmpty() ? "the project root" : rel + "/";
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p.normalize()).toString().replace('\\', '/');
    }
}
