/** Reading a database's catalog into a snapshot with set-based queries kept as resources. */
package dev.consolidate.catalog.read;
