package dev.consolidate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AclItemTest {

    @Test
    void parsesPublicQuotedNamesAndGrantOptions() {
        AclItem a = AclItem.parse("=X/postgres");
        assertTrue(a.isPublic());
        assertEquals("X", a.privileges());
        AclItem q = AclItem.parse("\"my \"\"role\"\"\"=r*w/\"owner x\"");
        assertEquals("my \"role\"", q.grantee());
        assertEquals("r*w", q.privileges());
        assertEquals("owner x", q.grantor());
        assertEquals("\"my \"\"role\"\"\"=r*w/\"owner x\"", q.text());
        assertEquals("anon=r/new_owner", AclItem.parse("anon=r/postgres").renameRole("postgres", "new_owner").text());
    }
}
