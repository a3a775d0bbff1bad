package dev.consolidate.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the backup needs to know about the schema in scope. The catalog engine's baseline writer
 * provides it for real; the backup only relies on these two questions.
 */
public interface SchemaSource {

    /**
     * The tables in scope, cheaply: the backup locks them (ACCESS SHARE) before it takes its
     * snapshot, so that no DDL can slip in between the schema it records and the rows it copies.
     */
    List<TableName> tables(Connection connection) throws SQLException;

    /**
     * The schema in scope, read through {@code connection} inside the backup's snapshot (a
     * REPEATABLE READ, READ ONLY transaction that the caller owns: do not commit it).
     */
    SchemaScope read(Connection connection) throws SQLException;
}
