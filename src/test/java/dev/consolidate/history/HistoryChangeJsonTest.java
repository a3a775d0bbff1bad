package dev.consolidate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change must survive being saved with the run and read back, so an undo needs nothing else. */
class HistoryChangeJsonTest {
    @Test
    void roundTripsThroughJson() throws Exception {
        HistoryChange change = new HistoryChange(Tool.FLYWAY, new HistoryTable("public", "flyway_schema_history"), "installed_rank",
                List.of("CREATE TABLE x ()"), List.of("DROP TABLE x"), List.of("{\"installed_rank\":1}"),
                List.of(new RowUpdate("{\"installed_rank\":2,\"description\":\"a\"}", "{\"installed_rank\":2,\"description\":\"b\"}")),
                List.of("{\"installed_rank\":3}"), List.of("does things"));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(change);
        assertEquals(change, json.readValue(text, HistoryChange.class));
        assertEquals(text, json.writeValueAsString(json.readValue(text, HistoryChange.class)));
    }
}
