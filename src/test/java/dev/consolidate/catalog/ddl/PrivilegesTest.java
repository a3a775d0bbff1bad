package dev.consolidate.catalog.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegesTest {

    @Test
    void revokesWhatTheObjectStartsWithButMustNotHave() {
        String sql = Privileges.statements("FUNCTION app.f()", Privileges.parse(List.of("=X/postgres", "postgres=X/postgres")),
                Privileges.parse(List.of("postgres=X/postgres", "app_user=X/postgres")));
        assertEquals("REVOKE ALL ON FUNCTION app.f() FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION app.f() TO app_user;\n", sql);
    }

    @Test
    void writesGrantOptionsAndPartialRevokes() {
        String sql = Privileges.statements("TABLE app.t", Privileges.parse(List.of("postgres=arwdDxt/postgres", "anon=arwd/postgres")),
                Privileges.parse(List.of("postgres=arwdDxt/postgres", "anon=r/postgres", "admin=r*w/postgres")));
        assertEquals("GRANT UPDATE ON TABLE app.t TO admin;\nGRANT SELECT ON TABLE app.t TO admin WITH GRANT OPTION;\n"
                + "REVOKE INSERT, UPDATE, DELETE ON TABLE app.t FROM anon;\n", sql);
    }

    @Test
    void nothingWhenTheStartIsTheTarget() {
        assertEquals("", Privileges.statements("SCHEMA s", Privileges.parse(List.of("a=U/b")), Privileges.parse(List.of("a=U/b"))));
    }
}
