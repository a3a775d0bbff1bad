alter table shop.customers alter column kind set default 'company';
alter table shop.customers drop constraint customers_email_key cascade;
alter table shop.customers alter column notes set storage main;
drop index shop.orders_open_idx;
