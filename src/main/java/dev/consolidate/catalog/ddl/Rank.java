package dev.consolidate.catalog.ddl;

/**
 * The reading order of statement groups within a schema, where dependencies allow it. Each rank
 * belongs to a phase.
 */
enum Rank {
    ROLE(Phase.PRE_DATA),
    DROP(Phase.PRE_DATA),
    SCHEMA(Phase.PRE_DATA),
    EXTENSION(Phase.PRE_DATA),
    COLLATION(Phase.PRE_DATA),
    TYPE(Phase.PRE_DATA),
    SEQUENCE(Phase.PRE_DATA),
    FUNCTION(Phase.PRE_DATA),
    AGGREGATE(Phase.PRE_DATA),
    OPERATOR(Phase.PRE_DATA),
    CAST(Phase.PRE_DATA),
    TABLE(Phase.PRE_DATA),
    SEQUENCE_OWNERSHIP(Phase.PRE_DATA),
    VIEW(Phase.PRE_DATA),
    MEMBER_PRIVILEGES(Phase.PRE_DATA),
    DATABASE_SETTING(Phase.PRE_DATA),
    POST_DROP(Phase.POST_DATA),
    CONSTRAINT(Phase.POST_DATA),
    INDEX(Phase.POST_DATA),
    INDEX_ATTACH(Phase.POST_DATA),
    FOREIGN_KEY(Phase.POST_DATA),
    TRIGGER(Phase.POST_DATA),
    RULE(Phase.POST_DATA),
    ROW_SECURITY(Phase.POST_DATA),
    POLICY(Phase.POST_DATA),
    STATISTICS(Phase.POST_DATA),
    PUBLICATION(Phase.POST_DATA),
    PUBLICATION_TABLE(Phase.POST_DATA),
    REFRESH(Phase.POST_DATA),
    DEFAULT_PRIVILEGES(Phase.POST_DATA),
    EVENT_TRIGGER(Phase.POST_DATA);

    private final Phase phase;

    Rank(Phase phase) {
        this.phase = phase;
    }

    Phase phase() {
        return phase;
    }

    /**
     * Ranks written after everything else whatever their schema: default privileges and event
     * triggers would otherwise act on the baseline's own later statements, and a materialized
     * view is refreshed once all it reads is in place.
     */
    boolean trailing() {
        return this == REFRESH || this == DEFAULT_PRIVILEGES || this == EVENT_TRIGGER;
    }
}
