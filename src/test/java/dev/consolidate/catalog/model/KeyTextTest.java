package dev.consolidate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** The identity text hashed into fingerprints is exactly Jackson's JSON for the same array. */
class KeyTextTest {

    @Test
    void matchesJacksonForAwkwardNames() {
        for (String name : new String[] {"plain", "with \"quotes\"", "back\\slash", "tab\tnew\nline", "ctl\u0001", "ünï"}) {
            ObjectKey k = new ObjectKey(ObjectKind.POLICY, "s", name, "t", null);
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            a.add(k.kind().id()).add(k.schema()).add(k.name()).add(k.parent()).add(k.signature());
            assertEquals(a.toString(), SnapshotJson.keyText(k));
        }
    }
}
