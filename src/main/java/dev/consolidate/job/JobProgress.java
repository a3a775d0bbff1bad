package dev.consolidate.job;

import java.time.Duration;

/** Where the job reports what it is doing; the command line prints it. */
public interface JobProgress {
    void stepStarted(int number, int total, String step, boolean undo);

    void detail(String step, String detail);

    void stepFinished(String step, String status, Duration took);

    static JobProgress silent() {
        return new JobProgress() {
            @Override
            public void stepStarted(int number, int total, String step, boolean undo) {
            }

            @Override
            public void detail(String step, String detail) {
            }

            @Override
            public void stepFinished(String step, String status, Duration took) {
            }
        };
    }
}
