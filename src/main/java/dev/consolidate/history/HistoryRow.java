package dev.consolidate.history;

import java.util.Objects;

/**
 * One row of a tool's history table: exactly as stored (its {@code row_to_json} text, which
 * {@code json_populate_record} turns back into the same row) plus the fields the tool reads.
 *
 * @param json     the row as {@code row_to_json(t)::text}, timestamps with time zone rendered in UTC
 * @param key      the value identifying the row (Supabase/dbmate/golang-migrate version, Prisma id,
 *                 Flyway installed_rank), as text
 * @param version  the migration identity the tool matches files against (Supabase/dbmate/golang
 *                 version, Prisma migration_name, Flyway version); null for Flyway repeatables and markers
 *                 without one
 * @param name     the name part (Supabase name, Flyway description), else null
 * @param checksum the checksum as stored (Prisma hex, Flyway signed int as decimal), else null
 * @param type     the tool's own row type where it has one (Flyway type column), else null
 * @param kind     what the row stands for
 * @param success  false for a failed (Prisma unfinished, Flyway success=false) or dirty (golang-migrate) row
 */
public record HistoryRow(String json, String key, String version, String name, String checksum, String type,
                         RowKind kind, boolean success) {
    public HistoryRow {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    /** "version name" for messages. */
    public String label() {
        if (version == null) {
            return name == null ? key : name;
        }
        return name == null || name.isEmpty() ? version : version + " " + name;
    }
}
