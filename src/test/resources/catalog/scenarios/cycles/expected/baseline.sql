-- Baseline written by consolidate from scenario cycles.
-- Generated at 2026-01-01T00:00:00Z from a catalog snapshot of PostgreSQL 15.14.
-- Source fingerprint: sha256:472e9eb45f82f98ed528fb6b9521dc531e394f4398e410eae72229fb49a2c17e
-- Contents: 1 functions, 3 tables, 5 constraints.
-- Runs on a database prepared like the source's environment (scope 'plain').

SET check_function_bodies = false;

-- Pre-data: everything rows need before they are loaded.

-- table public.people
CREATE TABLE public.people (
    id integer NOT NULL,
    team_id integer
);

-- table public.teams
CREATE TABLE public.teams (
    id integer NOT NULL,
    lead_id integer
);

-- table public.tickets
CREATE TABLE public.tickets (
    id integer NOT NULL,
    title text NOT NULL
);

-- function public.next_ticket()
CREATE OR REPLACE FUNCTION public.next_ticket()
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (COALESCE(max(tickets.id), 0) + 1)
    FROM public.tickets;
END;

-- table public.tickets
ALTER TABLE ONLY public.tickets ALTER COLUMN id SET DEFAULT public.next_ticket();

-- Post-data: constraints, indexes, triggers, policies and what follows the rows.

-- constraint people_pkey on public.people
ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);

-- constraint teams_pkey on public.teams
ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);

-- constraint tickets_pkey on public.tickets
ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);

-- constraint people_team_id_fkey on public.people
ALTER TABLE public.people
    ADD CONSTRAINT people_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id);

-- constraint teams_lead_id_fkey on public.teams
ALTER TABLE public.teams
    ADD CONSTRAINT teams_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.people(id) DEFERRABLE INITIALLY DEFERRED;

RESET check_function_bodies;
