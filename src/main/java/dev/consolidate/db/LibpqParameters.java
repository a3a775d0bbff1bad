package dev.consolidate.db;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Translates libpq connection parameters into pgjdbc properties. */
final class LibpqParameters {
    private LibpqParameters() {
    }

    static void applyTo(Map<String, String> params, Properties p) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue();
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "sslmode" -> p.setProperty("sslmode", v);
                case "sslrootcert" -> p.setProperty("sslrootcert", v);
                case "sslcert" -> p.setProperty("sslcert", v);
                case "sslkey" -> p.setProperty("sslkey", v);
                case "connect_timeout" -> p.setProperty("connectTimeout", v);
                case "options" -> p.setProperty("options", v);
                case "target_session_attrs" -> p.setProperty("targetServerType", targetServerType(v));
                case "application_name", "host", "port", "dbname", "user", "password", "passfile" -> {
                    // handled elsewhere
                }
                default -> {
                    // pgjdbc names passed through as-is (e.g. from a jdbc: URL)
                    p.setProperty(e.getKey(), v);
                }
            }
        }
        if (!p.containsKey("connectTimeout")) {
            p.setProperty("connectTimeout", "10");
        }
    }

    private static String targetServerType(String libpq) {
        return switch (libpq) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }
}
