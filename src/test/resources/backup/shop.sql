-- Orders whose invariants span tables: every order has exactly two lines, and the counter
-- holds the number of orders. A backup that copied the tables at different moments while a
-- writer runs would break them.
CREATE SCHEMA shop;
CREATE TABLE shop.orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer   text NOT NULL,
    placed_at  timestamptz NOT NULL DEFAULT now(),
    total      numeric(12, 2) NOT NULL DEFAULT 0
);
CREATE TABLE shop.order_lines (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint NOT NULL REFERENCES shop.orders,
    sku        text NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0),
    price      numeric(12, 2) NOT NULL
);
CREATE TABLE shop.counters (name text PRIMARY KEY, n bigint NOT NULL);
CREATE TABLE shop.notes (id integer PRIMARY KEY, body text);

INSERT INTO shop.orders (customer, placed_at, total)
SELECT 'customer ' || i, timestamptz '2025-01-01 00:00+00' + i * interval '1 minute', 0
FROM generate_series(1, 4000) AS g(i);
INSERT INTO shop.order_lines (order_id, sku, quantity, price)
SELECT o.id, 'sku-' || o.id || '-' || k, k, 9.99 * k FROM shop.orders o, generate_series(1, 2) AS k;
UPDATE shop.orders o SET total = l.s FROM (SELECT order_id, sum(quantity * price) AS s FROM shop.order_lines GROUP BY 1) l
WHERE l.order_id = o.id;
INSERT INTO shop.counters VALUES ('orders', 4000);
INSERT INTO shop.notes SELECT i, repeat(md5(i::text), 20) FROM generate_series(1, 3000) AS g(i);
