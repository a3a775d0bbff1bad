-- Aggregates, with every option CREATE AGGREGATE accepts.
SELECT 'aggregate' AS kind,
       n.nspname AS schema_name,
       p.proname AS object_name,
       NULL::text AS parent_name,
       pg_get_function_identity_arguments(p.oid) AS signature,
       jsonb_strip_nulls(jsonb_build_object(
           'owner', pg_get_userbyid(p.proowner),
           'acl', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(coalesce(p.proacl, acldefault('f', p.proowner))) a),
           'comment', (SELECT d.description FROM pg_description d WHERE d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0),
           'arguments', pg_get_function_arguments(p.oid),
           'aggregate_kind', CASE ag.aggkind WHEN 'o' THEN 'ordered-set' WHEN 'h' THEN 'hypothetical' END,
           'direct_arguments', CASE WHEN ag.aggkind <> 'n' THEN ag.aggnumdirectargs::text END,
           'sfunc', ag.aggtransfn::regproc::text,
           'stype', format_type(ag.aggtranstype, NULL),
           'sspace', CASE WHEN ag.aggtransspace <> 0 THEN ag.aggtransspace::text END,
           'finalfunc', CASE WHEN ag.aggfinalfn <> 0 THEN ag.aggfinalfn::regproc::text END,
           'finalfunc_extra', CASE WHEN ag.aggfinalextra THEN true END,
           'finalfunc_modify', ag.aggfinalmodify::text,
           'combinefunc', CASE WHEN ag.aggcombinefn <> 0 THEN ag.aggcombinefn::regproc::text END,
           'serialfunc', CASE WHEN ag.aggserialfn <> 0 THEN ag.aggserialfn::regproc::text END,
           'deserialfunc', CASE WHEN ag.aggdeserialfn <> 0 THEN ag.aggdeserialfn::regproc::text END,
           'initcond', ag.agginitval,
           'msfunc', CASE WHEN ag.aggmtransfn <> 0 THEN ag.aggmtransfn::regproc::text END,
           'minvfunc', CASE WHEN ag.aggminvtransfn <> 0 THEN ag.aggminvtransfn::regproc::text END,
           'mstype', CASE WHEN ag.aggmtranstype <> 0 THEN format_type(ag.aggmtranstype, NULL) END,
           'msspace', CASE WHEN ag.aggmtransspace <> 0 THEN ag.aggmtransspace::text END,
           'mfinalfunc', CASE WHEN ag.aggmfinalfn <> 0 THEN ag.aggmfinalfn::regproc::text END,
           'mfinalfunc_extra', CASE WHEN ag.aggmfinalextra THEN true END,
           'mfinalfunc_modify', ag.aggmfinalmodify::text,
           'minitcond', ag.aggminitval,
           'sortop', CASE WHEN ag.aggsortop <> 0 THEN ag.aggsortop::regoperator::text END,
           'parallel', CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' END)) AS description,
       jsonb_build_object('acl_default', (SELECT jsonb_agg(a::text ORDER BY a::text) FROM unnest(acldefault('f', p.proowner)) a)) AS hints,
       'pg_proc'::regclass::oid AS class_id,
       p.oid AS obj_id
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
WHERE p.prokind = 'a'
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
