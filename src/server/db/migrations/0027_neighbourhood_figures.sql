-- The neighbourhood page (issue 6) shows how a building is doing, including how many tenancies
-- it has. Row-level security on tenancies follows the participant, so a municipality (which sees
-- no participants) or care staff involved with only some tenants would count too few. This
-- function answers only aggregate counts for one location of the caller's region, never a row:
-- the service checks first (under RLS) that the caller may see the location.
CREATE OR REPLACE FUNCTION location_tenancy_figures(p_location uuid)
  RETURNS TABLE (current_count integer, provider_held integer, tenant_held integer, flipped integer, ended integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT (count(*) FILTER (WHERE t.end_date IS NULL))::int,
         (count(*) FILTER (WHERE t.end_date IS NULL AND t.lease_holder = 'provider'))::int,
         (count(*) FILTER (WHERE t.end_date IS NULL AND t.lease_holder = 'tenant'))::int,
         (count(*) FILTER (WHERE t.flipped_on IS NOT NULL))::int,
         (count(*) FILTER (WHERE t.end_date IS NOT NULL))::int
    FROM tenancies t
    JOIN units u ON u.region_id = t.region_id AND u.id = t.unit_id
   WHERE t.region_id = app_region() AND u.location_id = p_location
$$;
REVOKE ALL ON FUNCTION location_tenancy_figures(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION location_tenancy_figures(uuid) TO eerstethuis_app;
