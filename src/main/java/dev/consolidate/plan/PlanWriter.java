package dev.consolidate.plan;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import dev.consolidate.report.Templates;
import dev.consolidate.run.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes plan.json and PLAN.md into the run folder (atomically, byte-identical for the same plan),
 * and reads plan.json back for --execute.
 */
public final class PlanWriter {
    /** The pointer to the newest plan, so --execute needs no --run-dir. */
    public static final String CURRENT = "CURRENT";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PlanWriter() {
    }

    public static String json(Plan plan) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(pp).writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String markdown(Plan plan) {
        return Templates.render("PLAN.md", view(plan));
    }

    /**
     * Writes the plan's files. The parent .consolidate folder gets a .gitignore (run folders hold
     * backups of production's data: they must never be committed) and the CURRENT pointer.
     */
    public static void write(Plan plan, RunFolder folder, Path projectRoot) {
        try {
            Files.createDirectories(folder.root());
            AtomicFiles.writeString(folder.planJson(), json(plan));
            AtomicFiles.writeString(folder.planMarkdown(), markdown(plan));
            Path parent = folder.root().getParent();
            if (parent != null && parent.equals(projectRoot.resolve(RunFolder.PARENT))) {
                Path ignore = parent.resolve(".gitignore");
                if (!Files.exists(ignore)) {
                    AtomicFiles.writeString(ignore, "# Run folders hold plans, checkpoints and backups of production data.\n*\n");
                }
                AtomicFiles.writeString(parent.resolve(CURRENT), plan.planId() + "\n");
            }
        } catch (IOException e) {
            throw Problem.usage("Could not write the plan into " + folder.root() + ": " + e.getMessage())
                    .why("the plan's files go into the run folder.")
                    .fix("Check the folder's permissions and free space, or choose another with --run-dir.")
                    .state("No database was written to; the run folder may hold an earlier plan.")
                    .cause(e)
                    .build();
        }
    }

    public static Plan read(RunFolder folder) {
        try {
            return JSON.readValue(folder.planJson().toFile(), Plan.class);
        } catch (IOException e) {
            throw Problem.usage("The run folder " + folder.root() + " holds no readable plan (" + e.getMessage() + ").")
                    .why("--execute runs what --plan wrote into plan.json.")
                    .fix("Run consolidate --plan first, or point --run-dir at a folder --plan wrote.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }

    /** The template's view: the plan plus the few things a template cannot compute (numbering, counts). */
    static Map<String, Object> view(Plan plan) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plan", plan);
        List<Map<String, Object>> files = new ArrayList<>();
        int n = 0;
        for (Plan.FileEntry f : plan.migrations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", ++n);
            row.put("file", f);
            files.add(row);
        }
        v.put("files", files);
        v.put("fileCount", plan.migrations().size());
        v.put("rowCount", plan.historyRows().size());
        v.put("converting", !plan.project().tool().equals(plan.project().targetTool()));
        v.put("fromProduction", "production".equals(plan.source()));
        v.put("hasExtensions", !plan.extensions().isEmpty());
        v.put("hasData", !plan.dataStatements().isEmpty());
        v.put("hasReported", plan.dataStatements().stream().anyMatch(d -> !d.carried()));
        if (plan.dataStatements().stream().anyMatch(Plan.DataStatement::carried)) {
            v.put("dataFile", PlannedDataFile.of(plan));
            v.put("dataMigration", plan.project().dataAsMigration());
        }
        v.put("hasCode", !plan.codeMigrations().isEmpty());
        v.put("hasNotes", !plan.notes().isEmpty());
        v.put("hasRetire", plan.historyChange() != null && !plan.historyChange().retire().isEmpty());
        v.put("hasDrift", plan.drift() != null && plan.drift().compared());
        v.put("driftEqual", plan.drift() != null && plan.drift().equal());
        return v;
    }
}
