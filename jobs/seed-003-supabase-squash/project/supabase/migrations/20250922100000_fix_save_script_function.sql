-- Components kept their old order when the array was empty; and clients must never call it.
create or replace function public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb)
returns uuid
language plpgsql
security definer
set search_path = public
as $$
begin
    if not public.is_staff() then
        raise exception 'only staff may save scripts' using errcode = '42501';
    end if;
    update public.scripts set body = p_body, updated_at = now() where id = p_script_id;
    delete from public.script_components where script_id = p_script_id;
    insert into public.script_components (script_id, component_order, component_type, content)
    select p_script_id, (c ->> 'order')::int, c ->> 'type', coalesce(c ->> 'content', '')
    from jsonb_array_elements(coalesce(p_components, '[]'::jsonb)) as c;
    return p_script_id;
end;
$$;

revoke execute on function public.save_script_with_components(uuid, text, jsonb) from public, anon;
grant execute on function public.save_script_with_components(uuid, text, jsonb) to authenticated;

create index idx_clients_name on public.clients (lower(name));
create index idx_script_components_type on public.script_components (component_type) where component_type <> 'text';
