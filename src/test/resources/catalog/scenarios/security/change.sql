-- Ownership and privileges drifting the way they do in production.
alter table vault.secrets owner to postgres;
grant execute on function vault.reveal(int) to public;
revoke update (value) on vault.secrets from sec_reader;
comment on column vault.secrets.value is null;
