package dev.consolidate.backup;

/**
 * A sequence's position, exactly as setval() takes it back.
 *
 * @param sequence  the sequence
 * @param lastValue its last_value
 * @param isCalled  whether nextval() has returned lastValue already (false: it will return it next)
 */
public record SequenceValue(TableName sequence, long lastValue, boolean isCalled) {
}
