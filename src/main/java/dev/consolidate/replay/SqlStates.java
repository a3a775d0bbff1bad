package dev.consolidate.replay;

/** Why a replayed statement usually fails with a given SQLSTATE, and what the user can do. */
final class SqlStates {
    private static final String AGAIN = "then run `consolidate --plan` again.";

    private SqlStates() {
    }

    static String why(String sqlState, FileMode mode) {
        switch (sqlState) {
            case "42P01":
                return "the migration refers to a table or view that neither an earlier migration nor the environment created.";
            case "42703":
                return "the migration refers to a column that the table does not have at this point of the history.";
            case "42883":
                return "the migration calls a function or operator that does not exist with these argument types"
                        + " (an extension, the platform profile or an earlier migration was expected to create it).";
            case "3F000":
                return "the migration uses a schema that nothing created: a start-up script or the platform usually does that"
                        + " outside the migration history.";
            case "42704":
                return "the migration refers to an object (often a role or a type) that the history does not create:"
                        + " the platform or a start-up script provides it.";
            case "25001":
                return "the statement cannot run inside a transaction block, and nothing told the replay to run this file"
                        + " outside one (the file ran " + mode.description() + ").";
            case "42P07":
            case "42710":
            case "42723":
            case "42P06":
                return "the object already exists: an earlier migration or the environment created it, so the history"
                        + " relies on a database that was not empty, or the same change is applied twice.";
            case "42501":
                return "the scratch session lacks a privilege the statement needs (a role switched with SET ROLE, or a"
                        + " scratch server whose user is not a superuser).";
            case "42601":
                return "the server could not parse the statement: it may need another PostgreSQL version than the"
                        + " scratch server's, or the file is not valid SQL at this point.";
            case "0A000":
                return "the scratch server does not support what the statement asks for (its PostgreSQL version or build"
                        + " may differ from production's).";
            case "58P01":
                return "the scratch server lacks files the statement needs (an extension's control or library file).";
            default:
                break;
        }
        if (sqlState.startsWith("23")) {
            return "a data change in the migration violates a constraint at this point of the history.";
        }
        if (sqlState.startsWith("22")) {
            return "a value in the migration is not valid for its type at this point of the history.";
        }
        if (sqlState.startsWith("P0")) {
            return "the migration raised this error itself (RAISE EXCEPTION), usually because what it checks does not hold.";
        }
        if (sqlState.startsWith("08") || sqlState.startsWith("57")) {
            return "the session to the scratch server broke off or was cancelled.";
        }
        return "the server rejected the statement.";
    }

    static String fix(String sqlState, String what) {
        if (what.equals("Bootstrap")) {
            return "correct the bootstrap file (it runs before the first migration, in a database created from template0), " + AGAIN;
        }
        switch (sqlState) {
            case "3F000":
            case "42704":
                return "if production has it because of a start-up script or the platform, describe that with --bootstrap"
                        + " <file.sql> (or --profile supabase); if the history is wrong, correct the migration; " + AGAIN;
            case "25001":
                return "mark the file the way its tool does (dbmate: `-- migrate:up transaction:false`; plain folders: the"
                        + " disable-transaction marker), " + AGAIN;
            case "42501":
                return "use a scratch server where the tool's user is a superuser (the embedded one is), " + AGAIN;
            case "0A000":
            case "42601":
            case "58P01":
                return "use a scratch server that matches production (--scratch docker:postgres:<production major>, or"
                        + " --scratch url:<server URL>), or correct the migration; " + AGAIN;
            case "08006":
            case "57P01":
                return "run the command again; if it repeats, check the scratch server's log.";
            default:
                return "correct the migration (or describe what production had before it with --bootstrap <file.sql>), " + AGAIN;
        }
    }
}
