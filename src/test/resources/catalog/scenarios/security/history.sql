-- Ownership handed to other roles, grants on every kind of object (with grant option, on columns,
-- revoked defaults), default privileges, forced RLS with policies for several roles, and comments
-- on everything that takes one.
create schema vault authorization sec_owner;
comment on schema vault is 'Secrets, owned by sec_owner.';
grant usage on schema vault to sec_reader, sec_writer;
grant create on schema vault to sec_admin with grant option;

create type vault.level as enum ('low', 'high');
comment on type vault.level is 'Sensitivity.';
grant usage on type vault.level to sec_reader;
revoke usage on type vault.level from public;
create domain vault.secret_name as text check (value ~ '^[a-z_]+$');
comment on domain vault.secret_name is 'Lower-case names only.';
comment on constraint secret_name_check on domain vault.secret_name is 'Why it is checked.';

create sequence vault.ticket_seq start with 100;
alter sequence vault.ticket_seq owner to sec_owner;
grant usage on sequence vault.ticket_seq to sec_writer;
comment on sequence vault.ticket_seq is 'Ticket numbers.';

create table vault.secrets (
    id int primary key default nextval('vault.ticket_seq'),
    name vault.secret_name not null,
    level vault.level not null default 'low',
    value text,
    owner_role text not null default current_user
);
alter table vault.secrets owner to sec_owner;
alter table vault.secrets enable row level security;
alter table vault.secrets force row level security;
grant select (id, name, level) on vault.secrets to sec_reader;
grant select, insert, update on vault.secrets to sec_writer;
grant update (value) on vault.secrets to sec_reader;
grant all on vault.secrets to sec_admin with grant option;
comment on table vault.secrets is 'One row per secret.';
comment on column vault.secrets.value is 'Encrypted.';
comment on constraint secrets_pkey on vault.secrets is 'The ticket.';

create index secrets_name_idx on vault.secrets (name);
comment on index vault.secrets_name_idx is 'Lookups by name.';

create function vault.reveal(secret int) returns text language sql stable security definer set search_path = vault, pg_temp
as $$ select value from vault.secrets where id = secret $$;
alter function vault.reveal(int) owner to sec_owner;
revoke execute on function vault.reveal(int) from public;
grant execute on function vault.reveal(int) to sec_admin;
comment on function vault.reveal(int) is 'Bypasses RLS as sec_owner.';

create function vault.is_admin() returns boolean language sql stable as $$ select pg_has_role('sec_admin', 'member') $$;
create policy secrets_read on vault.secrets for select to sec_reader, sec_writer using (level = 'low' or vault.is_admin());
create policy secrets_write on vault.secrets for insert to sec_writer with check (owner_role = current_user);
create policy secrets_admin on vault.secrets as restrictive for all to public using (vault.is_admin() or level = 'low');
comment on policy secrets_read on vault.secrets is 'Low secrets are readable.';

create view vault.secret_names as select id, name from vault.secrets;
alter view vault.secret_names owner to sec_owner;
grant select on vault.secret_names to sec_reader;
comment on view vault.secret_names is 'Names only.';
comment on column vault.secret_names.name is 'The name.';

create function vault.stamp() returns trigger language plpgsql as $$ begin return new; end; $$;
create trigger secrets_stamp before insert on vault.secrets for each row execute function vault.stamp();
comment on trigger secrets_stamp on vault.secrets is 'Stamps rows.';

create publication vault_changes for table vault.secrets with (publish = 'insert, update');
alter publication vault_changes owner to sec_owner;
comment on publication vault_changes is 'For the audit replica.';

alter default privileges for role sec_owner in schema vault grant select on tables to sec_reader;
alter default privileges for role sec_owner grant execute on functions to sec_admin;
alter default privileges in schema vault grant usage on sequences to sec_writer;
alter default privileges revoke execute on functions from public;
alter default privileges grant usage on types to sec_reader;
