package dev.consolidate.steps;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.carry.CarriedTable;
import dev.consolidate.carry.DataProof;
import dev.consolidate.carry.HistoryStatement;
import dev.consolidate.carry.HistoryStatements;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlannedDataFile;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.scratch.ScratchServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data proof across two steps: the replay step reads (as hashes) the rows the carried
 * statements' tables hold after the history, into the run folder; the parity step rebuilds from
 * the baseline and the data file and compares. Nothing happens when the plan carries nothing.
 */
public final class CarriedRows {
    static final String ROWS = "replay/carried-rows.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataProof proof;
    private final HistoryStatements history;

    public CarriedRows(DataProof proof, HistoryStatements history) {
        this.proof = proof;
        this.history = history;
    }

    public static Path rowsFile(RunInputs in) {
        return in.runFolder().artifacts().resolve(ROWS);
    }

    private static Set<String> carriedAt(Plan plan) {
        return plan.dataStatements().stream().filter(Plan.DataStatement::carried).map(d -> d.path() + ":" + d.line())
                .collect(Collectors.toSet());
    }

    /** What the replay step reads from its replayed database before dropping it. */
    ReplayedCatalog.Inspection capture(RunInputs in, MigrationSet set, EnvironmentSpec environment) {
        Set<String> carried = carriedAt(in.plan());
        if (carried.isEmpty()) {
            return db -> { };
        }
        List<String> reported = in.plan().dataStatements().stream().filter(d -> !d.carried()).map(Plan.DataStatement::target)
                .toList();
        return db -> {
            List<HistoryStatement> statements = history.of(set).stream().filter(h -> carried.contains(h.location())).toList();
            List<CarriedTable> tables = proof.readHistory(db, environment, statements, reported);
            try {
                Files.createDirectories(rowsFile(in).getParent());
                AtomicFiles.writeString(rowsFile(in), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tables) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The parity step's proof, when the plan carries data; empty otherwise. */
    Optional<DataProof.Outcome> prove(RunInputs in, ScratchServer server, EnvironmentSpec environment, String baselineSql)
            throws IOException {
        Path rows = rowsFile(in);
        Path data = BaselineStep.dataFile(in);
        if (!Files.exists(rows) || !Files.exists(data)) {
            return Optional.empty();
        }
        List<CarriedTable> tables = JSON.readValue(rows.toFile(), new TypeReference<List<CarriedTable>>() { });
        Plan plan = in.plan();
        String label = PlannedDataFile.of(plan).path();
        return Optional.of(proof.prove(server, environment, plan.baseline().path(), baselineSql, label, Files.readString(data),
                tables));
    }
}
