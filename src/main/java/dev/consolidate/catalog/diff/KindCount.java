package dev.consolidate.catalog.diff;

import dev.consolidate.catalog.model.ObjectKind;

/** One line of the table auditors read: how many objects of a kind each side has. */
public record KindCount(ObjectKind kind, int expected, int actual) {

    public boolean matches() {
        return expected == actual;
    }
}
