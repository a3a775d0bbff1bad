-- Dependency cycles a baseline must break: a column default calling an SQL-standard function whose
-- body reads the same table (the function needs the table, the table's default needs the function),
-- and foreign keys that point both ways.
create table public.tickets (id int primary key, title text not null);
create function public.next_ticket() returns int language sql stable
begin atomic
    select coalesce(max(id), 0) + 1 from public.tickets;
end;
alter table public.tickets alter column id set default public.next_ticket();

create table public.teams (id int primary key, lead_id int);
create table public.people (id int primary key, team_id int references public.teams);
alter table public.teams add foreign key (lead_id) references public.people deferrable initially deferred;
