-- The benchmark database: one large table of mixed types (about 1 GB at scale 1) and many small
-- ones of four shapes (about 1 GB together). Run by run.sh through psql with
-- -v big_rows=N -v small_tables=N -v small_rows=N.
\set ON_ERROR_STOP on
CREATE SCHEMA bench;
CREATE TYPE bench.status AS ENUM ('new', 'paid', 'shipped', 'cancelled', 'refunded');

CREATE TABLE bench.big (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL,
    created_at  timestamptz NOT NULL,
    amount      numeric(12, 2) NOT NULL,
    status      bench.status NOT NULL,
    payload     jsonb,
    note        text,
    tags        text[],
    flag        boolean
);
INSERT INTO bench.big (customer_id, created_at, amount, status, payload, note, tags, flag)
SELECT ((i::bigint * 7919) % 100000)::integer,
       timestamptz '2020-01-01 00:00+00' + i * interval '17 seconds',
       (i % 100000) / 100.0,
       (enum_range(NULL::bench.status))[1 + i % 5],
       CASE WHEN i % 10 = 0 THEN NULL
            ELSE jsonb_build_object('sku', 'SKU-' || (i % 5000), 'qty', i % 9 + 1, 'gift', i % 7 = 0) END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE md5(i::text) || ' ' || md5((i * 31)::text) END,
       ARRAY['t' || i % 13, 't' || i % 17],
       i % 2 = 0
FROM generate_series(1, :big_rows) AS g(i);
CREATE INDEX big_customer_idx ON bench.big (customer_id);

SELECT format(CASE i % 4
    WHEN 0 THEN 'CREATE TABLE bench.small_%1$s AS SELECT g AS id, ''name '' || g AS name, g %% 97 AS qty, '
                || '(g %% 10000) / 100.0 AS price, timestamptz ''2024-01-01 00:00+00'' + g * interval ''1 minute'' AS at, '
                || 'md5(g::text) AS ref, CASE WHEN g %% 5 = 0 THEN NULL ELSE repeat(''x'', g %% 50) END AS filler '
                || 'FROM generate_series(1, %2$s) AS g'
    WHEN 1 THEN 'CREATE TABLE bench.small_%1$s AS SELECT g AS id, decode(repeat(md5(g::text), 5), ''hex'') AS blob, '
                || 'g %% 3 = 0 AS flag FROM generate_series(1, %2$s) AS g'
    WHEN 2 THEN 'CREATE TABLE bench.small_%1$s AS SELECT g AS id, jsonb_build_object(''k'', g, ''v'', md5(g::text), '
                || '''nested'', jsonb_build_object(''a'', g %% 7)) AS doc, ARRAY[g, g * 2, g * 3] AS nums '
                || 'FROM generate_series(1, %2$s) AS g'
    ELSE        'CREATE TABLE bench.small_%1$s AS SELECT g AS id, date ''2000-01-01'' + g %% 9000 AS d, '
                || 'make_interval(secs => g) AS iv, md5(g::text)::uuid AS u, '
                || '(''10.'' || g %% 256 || ''.'' || (g / 256) %% 256 || ''.1'')::inet AS ip, g / 3.0::float8 AS f '
                || 'FROM generate_series(1, %2$s) AS g'
    END, lpad(i::text, 3, '0'), :small_rows)
FROM generate_series(1, :small_tables) AS s(i)
\gexec

SELECT format('ALTER TABLE bench.small_%s ADD PRIMARY KEY (id)', lpad(i::text, 3, '0'))
FROM generate_series(1, :small_tables) AS s(i)
\gexec

CREATE SEQUENCE bench.invoice_no;
SELECT setval('bench.invoice_no', 123456);
