-- Tenancies (issue 6): the day the keys were handed over, what a location says about its leases
-- and rent, and what parties may know of a tenancy's tenant without seeing the participant.

-- The keys: the home becomes occupied and the participant housed on this day.
ALTER TABLE tenancies ADD COLUMN moved_in_on date;
ALTER TABLE tenancies ADD CONSTRAINT tenancies_moved_in_check CHECK (moved_in_on IS NULL OR moved_in_on >= start_date);

-- An intake-home location (instroomwoningen): the care provider rents the homes and sublets them,
-- so a new tenancy there starts with the provider's lease. The default rent of its homes, in
-- cents, is what a tenancy starts with when nobody names the rent.
ALTER TABLE locations
  ADD COLUMN intake_homes boolean NOT NULL DEFAULT false,
  ADD COLUMN default_rent_cents integer CHECK (default_rent_cents IS NULL OR default_rent_cents BETWEEN 0 AND 1000000);

-- A rent nobody has named yet is unknown (null), never a silent zero; the tenancy page asks for it.
ALTER TABLE tenancies ALTER COLUMN rent_cents DROP NOT NULL;
ALTER TABLE tenancy_leases ALTER COLUMN rent_cents DROP NOT NULL;

-- What a tenancy created from a succeeded offer needs, past the participant's row-level policy:
-- the deciding corporation or allocation office may not read the participant's record, but the
-- tenancy snapshots the household and names the guiding provider. Only for a succeeded offer of
-- the caller's region that the caller is party to.
CREATE OR REPLACE FUNCTION offer_tenancy_facts(p_offer uuid)
  RETURNS TABLE (programme_id uuid, unit_id uuid, participant_id uuid, route text, offer_provider_id uuid, participant_provider_id uuid,
                 corporation_id uuid, household_adults integer, household_children integer, intake_homes boolean, default_rent_cents integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT o.programme_id, o.unit_id, o.participant_id, o.route, o.provider_id, p.provider_id, l.corporation_id,
         p.household_adults, p.household_children, coalesce(l.intake_homes, false), l.default_rent_cents
    FROM offers o
    JOIN participants p ON p.id = o.participant_id
    JOIN units u ON u.id = o.unit_id
    LEFT JOIN locations l ON l.id = u.location_id
   WHERE o.id = p_offer AND o.region_id = app_region() AND o.status = 'succeeded'
     AND app_offer_party(o.provider_id, o.corporation_id, o.allocation_office_id, o.shared_on)
$$;

-- What the landlord (the corporation of the tenancy) sees of its tenant: what a landlord needs —
-- name, household size, contact — never care data, and only with consent for sharing with
-- housing; without it only the pseudonymous code. The same rule as offer_candidates (0020).
CREATE OR REPLACE FUNCTION tenancy_tenants(p_tenancies uuid[])
  RETURNS TABLE (tenancy_id uuid, code text, given_name text, family_name text, household_adults integer,
                 household_children integer, phone text, email text, housing_consent boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT t.id, p.code,
         CASE WHEN k.ok THEN p.given_name END, CASE WHEN k.ok THEN p.family_name END,
         CASE WHEN k.ok THEN t.household_adults END, CASE WHEN k.ok THEN t.household_children END,
         CASE WHEN k.ok THEN p.phone END, CASE WHEN k.ok THEN p.email END, k.ok
    FROM tenancies t JOIN participants p ON p.id = t.participant_id,
         LATERAL (SELECT (p.consent_given_on IS NOT NULL AND 'housing' = ANY (p.consent_scope)) AS ok) k
   WHERE t.id = ANY (p_tenancies) AND t.region_id = app_region()
     AND app_has_role('corporation') AND t.corporation_id = app_org()
$$;

REVOKE ALL ON FUNCTION offer_tenancy_facts(uuid), tenancy_tenants(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION offer_tenancy_facts(uuid), tenancy_tenants(uuid[]) TO eerstethuis_app;
