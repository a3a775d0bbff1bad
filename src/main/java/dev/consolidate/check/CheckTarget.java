package dev.consolidate.check;

import dev.consolidate.db.Production;

/** What the history is compared with. */
public sealed interface CheckTarget permits CheckTarget.ProductionDatabase, CheckTarget.OtherHistory, CheckTarget.Nothing {

    /** A live database, read through read-only sessions only. */
    record ProductionDatabase(Production production) implements CheckTarget {
    }

    /** Another history, replayed on its own environment. */
    record OtherHistory(HistoryInput history) implements CheckTarget {
    }

    /** Nothing: the history is only replayed (to emit a verify script). */
    record Nothing() implements CheckTarget {
    }
}
