-- Baseline written by consolidate from scenario settings.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:45f2f88c685d2d90a17cc122edc0efab068fd4203632197960c941bfeb5e3bb8
-- Contents: 1 roles, 1 schemas, 1 tables, 1 constraints, 3 database settings.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- role settings_api
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'settings_api') THEN
        CREATE ROLE settings_api NOLOGIN INHERIT;
    END IF;
END
$role$;
ALTER ROLE settings_api SET statement_timeout TO '5s';
DO $setting$
BEGIN
    EXECUTE pg_catalog.format('ALTER ROLE %I IN DATABASE %I %s', 'settings_api', pg_catalog.current_database(), $_$SET work_mem TO '16MB'$_$);
END
$setting$;

-- database setting app.settings.tenant
DO $setting$
BEGIN
    EXECUTE pg_catalog.format('ALTER DATABASE %I %s', pg_catalog.current_database(), $_$SET "app.settings.tenant" TO 'acme'$_$);
END
$setting$;

-- database setting search_path
DO $setting$
BEGIN
    EXECUTE pg_catalog.format('ALTER DATABASE %I %s', pg_catalog.current_database(), $_$SET search_path TO 'app', '$user', 'public'$_$);
END
$setting$;

-- database setting statement_timeout
DO $setting$
BEGIN
    EXECUTE pg_catalog.format('ALTER DATABASE %I %s', pg_catalog.current_database(), $_$SET statement_timeout TO '30s'$_$);
END
$setting$;

-- schema app
CREATE SCHEMA app;

-- table app.items
CREATE TABLE app.items (
    id integer NOT NULL,
    tenant text DEFAULT current_setting('app.settings.tenant'::text) NOT NULL
);
GRANT SELECT ON TABLE app.items TO settings_api;

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- constraint items_pkey on app.items
ALTER TABLE ONLY app.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);

RESET check_function_bodies;
