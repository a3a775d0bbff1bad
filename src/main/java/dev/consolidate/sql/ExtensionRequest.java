package dev.consolidate.sql;

import java.util.Objects;

/**
 * What a {@code CREATE EXTENSION} statement asks for.
 *
 * @param name        the extension name as the server resolves it (unquoted names folded to lower
 *                    case, quoted names as written)
 * @param schema      the WITH SCHEMA target, else null
 * @param version     the VERSION asked for, else null
 * @param ifNotExists whether IF NOT EXISTS was given
 * @param cascade     whether CASCADE was given (required extensions are installed too)
 */
public record ExtensionRequest(String name, String schema, String version, boolean ifNotExists, boolean cascade) {
    public ExtensionRequest {
        Objects.requireNonNull(name, "name");
    }
}
