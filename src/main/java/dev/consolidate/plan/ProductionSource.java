package dev.consolidate.plan;

import dev.consolidate.db.Production;

/**
 * Production as a run reaches it.
 *
 * @param access  read-only sessions (and, for the history step, the one writing session)
 * @param standIn true when it is a job's embedded stand-in rather than a real server
 */
public record ProductionSource(Production access, boolean standIn) {
}
