package dev.consolidate.job;

import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/**
 * One job instance per plan and attempt: the plan id and its fingerprint identify it (no
 * incrementer), and the attempt number grows only when a completed rollback lets the plan run
 * again.
 */
public record JobIdentity(String planId, String fingerprint) {
    static final String PLAN_ID = "planId";
    static final String FINGERPRINT = "fingerprint";
    static final String ATTEMPT = "attempt";
    static final String ROLLBACK_TO = "rollbackTo";
    static final String ROLLBACK_SEQ = "rollbackSeq";

    JobParameters forward(long attempt) {
        return base(attempt).toJobParameters();
    }

    JobParameters rollback(long attempt, String to, long seq) {
        return base(attempt).addString(ROLLBACK_TO, to).addLong(ROLLBACK_SEQ, seq).toJobParameters();
    }

    private JobParametersBuilder base(long attempt) {
        return new JobParametersBuilder()
                .addString(PLAN_ID, planId)
                .addString(FINGERPRINT, fingerprint)
                .addLong(ATTEMPT, attempt);
    }

    boolean matches(JobParameters p) {
        return planId.equals(p.getString(PLAN_ID)) && fingerprint.equals(p.getString(FINGERPRINT));
    }
}
