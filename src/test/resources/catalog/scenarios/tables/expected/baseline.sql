-- Baseline written by consolidate from scenario tables.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:d82aeb153b8438421e16953de7442234ca343dde2ef580f5eceb087d87d5f356
-- Contents: 1 schemas, 1 extensions, 1 collations, 1 composite types, 2 sequences, 1 functions, 17 tables, 40 constraints, 19 indexes, 1 statistics objects.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- extension btree_gist
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';

-- schema shop
CREATE SCHEMA shop;

-- collation shop.nocase
CREATE COLLATION shop.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- composite type shop.money_pair
CREATE TYPE shop.money_pair AS (
    amount numeric(12,2),
    currency character(3)
);

-- sequence shop.audit_id_seq
CREATE SEQUENCE shop.audit_id_seq
    AS bigint
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 9223372036854775807
    CACHE 1;

-- sequence shop.orders_id_seq
CREATE SEQUENCE shop.orders_id_seq
    AS bigint
    START WITH 1
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 9223372036854775807
    CACHE 1;

-- function shop.next_code()
CREATE OR REPLACE FUNCTION shop.next_code()
 RETURNS text
 LANGUAGE sql
AS $function$ select 'C-' || floor(random() * 1000000)::int $function$;

-- table shop.addresses
CREATE TABLE shop.addresses OF shop.money_pair;
ALTER TABLE ONLY shop.addresses ALTER COLUMN amount SET NOT NULL;

-- table shop.audit
CREATE TABLE shop.audit (
    id bigint DEFAULT nextval('shop.audit_id_seq'::regclass) NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    who text
);

-- table shop.audit_mixed
CREATE TABLE shop.audit_mixed (
    who text,
    extra integer
)
INHERITS (shop.audit);

-- table shop.audit_orders
CREATE TABLE shop.audit_orders (
    order_id bigint
)
INHERITS (shop.audit);

-- table shop.cache
CREATE UNLOGGED TABLE shop.cache (
    key text NOT NULL,
    value bytea NOT NULL,
    expires_at timestamp with time zone
)
WITH (autovacuum_enabled=false);

-- table shop.customers
CREATE TABLE shop.customers (
    id bigint GENERATED ALWAYS AS IDENTITY (
        SEQUENCE NAME shop.customers_id_seq
        START WITH 1000
        INCREMENT BY 10
        MINVALUE 1
        MAXVALUE 9223372036854775807
        CACHE 5
    ) NOT NULL,
    code text DEFAULT shop.next_code() NOT NULL,
    email text COLLATE shop.nocase NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(10) DEFAULT 'person'::character varying NOT NULL,
    notes text,
    tags text[] DEFAULT '{}'::text[],
    lower_email text GENERATED ALWAYS AS (lower(email)) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL
)
WITH (fillfactor=90);
ALTER TABLE ONLY shop.customers ALTER COLUMN name SET STATISTICS 500;
ALTER TABLE ONLY shop.customers ALTER COLUMN notes SET STORAGE EXTERNAL;
ALTER TABLE ONLY shop.customers ALTER COLUMN notes SET (n_distinct=-1);
ALTER TABLE ONLY shop.customers ALTER COLUMN tags SET COMPRESSION pglz;

-- table shop.events
CREATE TABLE shop.events (
    id bigint,
    payload jsonb,
    at timestamp with time zone DEFAULT clock_timestamp()
)
PARTITION BY HASH (id);

-- table shop.events_0
CREATE TABLE shop.events_0 (
    id bigint,
    payload jsonb,
    at timestamp with time zone DEFAULT clock_timestamp()
);
ALTER TABLE ONLY shop.events ATTACH PARTITION shop.events_0 FOR VALUES WITH (modulus 2, remainder 0);

-- table shop.events_1
CREATE TABLE shop.events_1 (
    id bigint,
    payload jsonb,
    at timestamp with time zone DEFAULT clock_timestamp()
);
ALTER TABLE ONLY shop.events ATTACH PARTITION shop.events_1 FOR VALUES WITH (modulus 2, remainder 1);

-- table shop.order_notes
CREATE TABLE shop.order_notes (
    order_id bigint,
    order_placed_on date,
    note text
);

-- table shop.orders
CREATE TABLE shop.orders (
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL,
    customer_id bigint NOT NULL,
    placed_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    total numeric(12,2) NOT NULL
)
PARTITION BY RANGE (placed_on);

-- table shop.orders_2024
CREATE TABLE shop.orders_2024 (
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL,
    customer_id bigint NOT NULL,
    placed_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    total numeric(12,2) NOT NULL
);
ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- table shop.orders_2025
CREATE TABLE shop.orders_2025 (
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL,
    customer_id bigint NOT NULL,
    placed_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    total numeric(12,2) NOT NULL
)
PARTITION BY LIST (placed_on);
ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- table shop.orders_2025_open
CREATE TABLE shop.orders_2025_open (
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL,
    customer_id bigint NOT NULL,
    placed_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    total numeric(12,2) NOT NULL
);
ALTER TABLE ONLY shop.orders_2025 ATTACH PARTITION shop.orders_2025_open FOR VALUES IN ('2025-01-01', '2025-01-02');

-- table shop.orders_2025_rest
CREATE TABLE shop.orders_2025_rest (
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL,
    customer_id bigint NOT NULL,
    placed_on date NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    total numeric(12,2) NOT NULL
);
ALTER TABLE ONLY shop.orders_2025 ATTACH PARTITION shop.orders_2025_rest DEFAULT;

-- table shop.orders_old
CREATE TABLE shop.orders_old (
    status text DEFAULT 'archived'::text NOT NULL,
    total numeric(12,2) NOT NULL,
    placed_on date NOT NULL,
    customer_id bigint NOT NULL,
    id bigint DEFAULT nextval('shop.orders_id_seq'::regclass) NOT NULL
);
ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_old FOR VALUES FROM (MINVALUE) TO ('2024-01-01');

-- table shop.shipments
CREATE TABLE shop.shipments (
    id integer GENERATED BY DEFAULT AS IDENTITY (
        SEQUENCE NAME shop.shipments_id_seq
        START WITH 1
        INCREMENT BY 1
        MINVALUE 1
        MAXVALUE 2147483647
        CACHE 1
    ) NOT NULL,
    order_id bigint,
    order_placed_on date,
    shipped_during tstzrange,
    carrier text
);

-- sequence shop.audit_id_seq
ALTER SEQUENCE shop.audit_id_seq OWNED BY shop.audit.id;

-- sequence shop.orders_id_seq
ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- constraint audit_pkey on shop.audit
ALTER TABLE ONLY shop.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);

-- constraint audit_orders_order_id_check on shop.audit_orders
ALTER TABLE shop.audit_orders
    ADD CONSTRAINT audit_orders_order_id_check CHECK ((order_id > 0)) NO INHERIT;

-- constraint cache_pkey on shop.cache
ALTER TABLE ONLY shop.cache
    ADD CONSTRAINT cache_pkey PRIMARY KEY (key);

-- constraint customers_code_key on shop.customers
ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_code_key UNIQUE NULLS NOT DISTINCT (code);

-- constraint customers_email_key on shop.customers
ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);

-- constraint customers_kind_check on shop.customers
ALTER TABLE shop.customers
    ADD CONSTRAINT customers_kind_check CHECK (((kind)::text = ANY ((ARRAY['person'::character varying, 'company'::character varying])::text[])));

-- constraint customers_pkey on shop.customers
ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);

-- constraint order_notes_note_check on shop.order_notes
ALTER TABLE shop.order_notes
    ADD CONSTRAINT order_notes_note_check CHECK ((note <> ''::text)) NOT VALID;

-- constraint orders_pkey on shop.orders
ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id, placed_on);

-- constraint orders_total_check on shop.orders
ALTER TABLE shop.orders
    ADD CONSTRAINT orders_total_check CHECK ((total >= (0)::numeric));

-- constraint orders_2024_pkey on shop.orders_2024
ALTER TABLE ONLY shop.orders_2024
    ADD CONSTRAINT orders_2024_pkey PRIMARY KEY (id, placed_on);

-- constraint orders_2025_pkey on shop.orders_2025
ALTER TABLE ONLY shop.orders_2025
    ADD CONSTRAINT orders_2025_pkey PRIMARY KEY (id, placed_on);

-- constraint orders_2025_open_pkey on shop.orders_2025_open
ALTER TABLE ONLY shop.orders_2025_open
    ADD CONSTRAINT orders_2025_open_pkey PRIMARY KEY (id, placed_on);

-- constraint orders_2025_rest_pkey on shop.orders_2025_rest
ALTER TABLE ONLY shop.orders_2025_rest
    ADD CONSTRAINT orders_2025_rest_pkey PRIMARY KEY (id, placed_on);

-- constraint orders_old_pkey on shop.orders_old
ALTER TABLE ONLY shop.orders_old
    ADD CONSTRAINT orders_old_pkey PRIMARY KEY (id, placed_on);

-- constraint shipments_carrier_shipped_during_excl on shop.shipments
ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_carrier_shipped_during_excl EXCLUDE USING gist (carrier WITH =, shipped_during WITH &&);

-- constraint shipments_pkey on shop.shipments
ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_pkey PRIMARY KEY (id);

-- index cache_expires_idx on shop.cache
CREATE INDEX cache_expires_idx ON shop.cache USING brin (expires_at) WITH (pages_per_range='16');

-- index cache_key_hash on shop.cache
CREATE INDEX cache_key_hash ON shop.cache USING hash (key);

-- index customers_code_lower_idx on shop.customers
CREATE UNIQUE INDEX customers_code_lower_idx ON shop.customers USING btree (lower(code)) WHERE ((kind)::text = 'company'::text);

-- index customers_name_idx on shop.customers
CREATE INDEX customers_name_idx ON shop.customers USING btree (lower((name)::text) text_pattern_ops, created_at DESC NULLS LAST);
ALTER TABLE shop.customers CLUSTER ON customers_name_idx;

-- index events_payload_idx on shop.events
CREATE INDEX events_payload_idx ON ONLY shop.events USING gin (payload jsonb_path_ops);

-- index events_0_payload_idx on shop.events_0
CREATE INDEX events_0_payload_idx ON shop.events_0 USING gin (payload jsonb_path_ops);

-- index events_1_payload_idx on shop.events_1
CREATE INDEX events_1_payload_idx ON shop.events_1 USING gin (payload jsonb_path_ops);

-- index orders_open_idx on shop.orders
CREATE INDEX orders_open_idx ON ONLY shop.orders USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_status_idx on shop.orders
CREATE INDEX orders_status_idx ON ONLY shop.orders USING btree (status) INCLUDE (total);

-- index orders_2024_customer_id_idx on shop.orders_2024
CREATE INDEX orders_2024_customer_id_idx ON shop.orders_2024 USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_2024_status_total_idx on shop.orders_2024
CREATE INDEX orders_2024_status_total_idx ON shop.orders_2024 USING btree (status) INCLUDE (total);

-- index orders_2025_customer_id_idx on shop.orders_2025
CREATE INDEX orders_2025_customer_id_idx ON ONLY shop.orders_2025 USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_2025_status_total_idx on shop.orders_2025
CREATE INDEX orders_2025_status_total_idx ON ONLY shop.orders_2025 USING btree (status) INCLUDE (total);

-- index orders_2025_open_customer_id_idx on shop.orders_2025_open
CREATE INDEX orders_2025_open_customer_id_idx ON shop.orders_2025_open USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_2025_open_status_total_idx on shop.orders_2025_open
CREATE INDEX orders_2025_open_status_total_idx ON shop.orders_2025_open USING btree (status) INCLUDE (total);

-- index orders_2025_rest_customer_id_idx on shop.orders_2025_rest
CREATE INDEX orders_2025_rest_customer_id_idx ON shop.orders_2025_rest USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_2025_rest_status_total_idx on shop.orders_2025_rest
CREATE INDEX orders_2025_rest_status_total_idx ON shop.orders_2025_rest USING btree (status) INCLUDE (total);

-- index orders_old_customer_id_idx on shop.orders_old
CREATE INDEX orders_old_customer_id_idx ON shop.orders_old USING btree (customer_id) WHERE (status <> 'done'::text);

-- index orders_old_status_total_idx on shop.orders_old
CREATE INDEX orders_old_status_total_idx ON shop.orders_old USING btree (status) INCLUDE (total);

-- constraint orders_2024_pkey on shop.orders_2024
ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_2024_pkey;

-- constraint orders_2025_pkey on shop.orders_2025
ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_2025_pkey;

-- constraint orders_2025_open_pkey on shop.orders_2025_open
ALTER INDEX shop.orders_2025_pkey ATTACH PARTITION shop.orders_2025_open_pkey;

-- constraint orders_2025_rest_pkey on shop.orders_2025_rest
ALTER INDEX shop.orders_2025_pkey ATTACH PARTITION shop.orders_2025_rest_pkey;

-- constraint orders_old_pkey on shop.orders_old
ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_old_pkey;

-- index events_0_payload_idx on shop.events_0
ALTER INDEX shop.events_payload_idx ATTACH PARTITION shop.events_0_payload_idx;

-- index events_1_payload_idx on shop.events_1
ALTER INDEX shop.events_payload_idx ATTACH PARTITION shop.events_1_payload_idx;

-- index orders_2024_customer_id_idx on shop.orders_2024
ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_2024_customer_id_idx;

-- index orders_2024_status_total_idx on shop.orders_2024
ALTER INDEX shop.orders_status_idx ATTACH PARTITION shop.orders_2024_status_total_idx;

-- index orders_2025_customer_id_idx on shop.orders_2025
ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_2025_customer_id_idx;

-- index orders_2025_status_total_idx on shop.orders_2025
ALTER INDEX shop.orders_status_idx ATTACH PARTITION shop.orders_2025_status_total_idx;

-- index orders_2025_open_customer_id_idx on shop.orders_2025_open
ALTER INDEX shop.orders_2025_customer_id_idx ATTACH PARTITION shop.orders_2025_open_customer_id_idx;

-- index orders_2025_open_status_total_idx on shop.orders_2025_open
ALTER INDEX shop.orders_2025_status_total_idx ATTACH PARTITION shop.orders_2025_open_status_total_idx;

-- index orders_2025_rest_customer_id_idx on shop.orders_2025_rest
ALTER INDEX shop.orders_2025_customer_id_idx ATTACH PARTITION shop.orders_2025_rest_customer_id_idx;

-- index orders_2025_rest_status_total_idx on shop.orders_2025_rest
ALTER INDEX shop.orders_2025_status_total_idx ATTACH PARTITION shop.orders_2025_rest_status_total_idx;

-- index orders_old_customer_id_idx on shop.orders_old
ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_old_customer_id_idx;

-- index orders_old_status_total_idx on shop.orders_old
ALTER INDEX shop.orders_status_idx ATTACH PARTITION shop.orders_old_status_total_idx;

-- constraint order_notes_order_id_order_placed_on_fkey on shop.order_notes
ALTER TABLE shop.order_notes
    ADD CONSTRAINT order_notes_order_id_order_placed_on_fkey FOREIGN KEY (order_id, order_placed_on) REFERENCES shop.orders(id, placed_on) ON DELETE CASCADE;

-- constraint orders_customer_fk on shop.orders
ALTER TABLE shop.orders
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;

-- constraint shipments_order_id_order_placed_on_fkey on shop.shipments
ALTER TABLE shop.shipments
    ADD CONSTRAINT shipments_order_id_order_placed_on_fkey FOREIGN KEY (order_id, order_placed_on) REFERENCES shop.orders(id, placed_on) MATCH FULL ON DELETE SET NULL;

-- table shop.cache
ALTER TABLE ONLY shop.cache REPLICA IDENTITY FULL;

-- table shop.customers
ALTER TABLE ONLY shop.customers REPLICA IDENTITY USING INDEX customers_email_key;

-- statistics shop.customers_kind_name
CREATE STATISTICS shop.customers_kind_name (ndistinct, dependencies) ON name, kind FROM shop.customers;
ALTER STATISTICS shop.customers_kind_name SET STATISTICS 200;

RESET check_function_bodies;
