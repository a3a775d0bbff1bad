/**
 * The read-only drift gate ({@code --check}): a history replayed into scratch and compared with
 * production or with another history, reported as CHECK.md and JSON from one record, and the
 * standalone verify script a DBA runs with psql.
 */
package dev.consolidate.check;
