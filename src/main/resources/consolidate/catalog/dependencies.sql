-- Dependencies between user objects (both ends at or above FirstNormalObjectId, 16384), as catalog
-- addresses. Column-level ends are reduced to their relation; aliases.sql maps the addresses of
-- parts (row types, view rules, defaults, constraint indexes, extension members) to the object
-- they belong to.
SELECT DISTINCT d.classid AS class_id, d.objid AS obj_id, d.refclassid AS ref_class_id, d.refobjid AS ref_obj_id
FROM pg_depend d
WHERE d.objid >= 16384 AND d.refobjid >= 16384
  AND d.deptype IN ('n', 'a')
  AND NOT (d.classid = d.refclassid AND d.objid = d.refobjid)
