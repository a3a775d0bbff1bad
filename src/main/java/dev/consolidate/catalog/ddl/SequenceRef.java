package dev.consolidate.catalog.ddl;

/**
 * A sequence the baseline creates (identity sequences included), for a restore to set its value
 * after loading rows: {@code qualifiedName} is ready for setval ('app.users_id_seq'), {@code
 * identityOf} names the identity column it serves, if any ("app.users.id").
 */
public record SequenceRef(String schema, String name, String qualifiedName, String identityOf) {
}
