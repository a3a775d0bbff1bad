/** Writing the canonical baseline SQL file from a scoped snapshot, ordered by dependencies. */
package dev.consolidate.catalog.ddl;
