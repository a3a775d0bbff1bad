package dev.consolidate.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the parity step proved, for the auditor: PARITY.md is this record through a template and
 * parity.json is this record as JSON.
 *
 * @param planId         the plan
 * @param baselinePath   the baseline file, project-relative
 * @param baselineSha256 its hash
 * @param source         "replay" or "production"
 * @param sourceLabel    what the baseline was built from, in words
 * @param holds          the baseline rebuilt its source exactly
 * @param counts         per kind: objects in the source, objects the baseline rebuilt
 * @param differences    every difference between source and rebuild (empty when parity holds)
 * @param drift          production against the replayed history
 * @param objects        every object of the source with its content hash
 * @param rules          what was compared and what was ignored
 * @param notCompared    what parity cannot cover (code migrations, data statements)
 * @param scratchServer  where the rebuild ran
 */
@JsonPropertyOrder({"planId", "baselinePath", "baselineSha256", "source", "sourceLabel", "holds", "counts", "differences",
    "drift", "objects", "rules", "notCompared", "scratchServer"})
public record ParityReport(String planId, String baselinePath, String baselineSha256, String source, String sourceLabel,
                           boolean holds, List<KindRow> counts, List<String> differences, Drift drift,
                           List<ObjectRow> objects, String rules, List<String> notCompared, String scratchServer) {

    @JsonPropertyOrder({"kind", "expected", "actual", "matches"})
    public record KindRow(String kind, int expected, int actual, boolean matches) {
    }

    /**
     * @param compared   whether production was compared with the history
     * @param equal      no difference
     * @param blocking   the difference stops the job (the baseline comes from the history)
     * @param lines      one line per difference
     */
    @JsonPropertyOrder({"compared", "equal", "blocking", "lines"})
    public record Drift(boolean compared, boolean equal, boolean blocking, List<String> lines) {
    }

    @JsonPropertyOrder({"object", "kind", "hash"})
    public record ObjectRow(String object, String kind, String hash) {
    }

    public String markdown() {
        return Templates.render("PARITY.md", this);
    }
}
