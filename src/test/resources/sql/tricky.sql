-- A file that uses every construct the splitter must step over; each statement
-- is executed on its own against PostgreSQL by SqlSplitterServerTest.
SET search_path = public;
CREATE TABLE "semi;colon" ("it's" text, "dollar$$" text);
/* a comment /* nested; with 'quotes' and $$ */ still comment; */
INSERT INTO "semi;colon" VALUES ('$$ not a quote;', E'back\\slash \' quote;');
INSERT INTO "semi;colon" VALUES (U&'d\0061ta;', $tag$ body; with $$ inside $tag$);
CREATE FUNCTION add_one(x int) RETURNS int AS $fn$
BEGIN
  RETURN x + 1; -- ; in a body
END;
$fn$ LANGUAGE plpgsql;
CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN x > 0 THEN 'pos' WHEN x < 0 THEN 'neg' ELSE 'zero' END;
END;
CREATE TABLE log (n int);
CREATE RULE log_rule AS ON INSERT TO "semi;colon" DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2));
PREPARE q(int) AS SELECT $1 + 1;
INSERT INTO "semi;colon" VALUES ('ruled', 'x'); -- fires the rule: two log rows
COPY "semi;colon" ("it's", "dollar$$") FROM stdin;
copied	row; one
second	it's \N
\.
SELECT pg_catalog.set_config('search_path', 'public', false);
CREATE INDEX CONCURRENTLY semi_idx ON "semi;colon" ("it's")
