/** Comparing two snapshots: typed differences, per-kind counts, the declared comparison rules. */
package dev.consolidate.catalog.diff;
