package dev.consolidate.history;

import java.util.Locale;

/** The migration tools served. {@link #SQL} is a plain numbered folder without a history table. */
public enum Tool {
    SUPABASE("supabase"),
    PRISMA("prisma"),
    FLYWAY("flyway"),
    DBMATE("dbmate"),
    GOLANG_MIGRATE("golang-migrate"),
    SQL("sql");

    private final String cliName;

    Tool(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in files. */
    public String cliName() {
        return cliName;
    }

    public static Tool fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Tool t : values()) {
            if (t.cliName.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
