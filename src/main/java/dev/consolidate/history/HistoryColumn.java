package dev.consolidate.history;

/** A column of a history table as the server describes it (name, format_type). */
public record HistoryColumn(String name, String type) {
}
