package dev.consolidate.history;

/** Where row ids come from, so the same run gives the same ids (Prisma rows carry a UUID). */
@FunctionalInterface
public interface IdSource {
    /** A UUID in canonical text form for {@code purpose} (e.g. the migration name). */
    String uuid(String purpose);
}
