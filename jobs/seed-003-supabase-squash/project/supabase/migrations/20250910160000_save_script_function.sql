create or replace function public.save_script_with_components(p_script_id uuid, p_body text, p_components jsonb)
returns uuid
language plpgsql
as $$
begin
    update public.scripts set body = p_body where id = p_script_id;
    delete from public.script_components where script_id = p_script_id;
    insert into public.script_components (script_id, component_order, component_type, content)
    select p_script_id, (c ->> 'order')::int, c ->> 'type', c ->> 'content'
    from jsonb_array_elements(p_components) as c;
    return p_script_id;
end;
$$;

create index idx_script_components_order on public.script_components (script_id, component_order);
