package dev.consolidate.settings;

/** What one invocation does; exactly one per run. */
public enum Mode {
    PLAN("--plan"),
    EXECUTE("--execute"),
    RESUME("--resume"),
    ROLLBACK("--rollback"),
    STATUS("--status"),
    CHECK("--check"),
    RESTORE("--restore");

    private final String flag;

    Mode(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }
}
