package dev.consolidate.catalog.read;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens one more session to the database being read (e.g. {@code ScratchDatabase::connect}). */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
