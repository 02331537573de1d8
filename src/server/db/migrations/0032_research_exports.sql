-- The research export (issue 7): researchers receive pseudonymised data of participants who
-- consented to research, never a record as such. The functions below run as the owner (past the
-- participant policies) but answer only for a caller with the researcher role, only within the
-- caller's region and programme, only participants whose consent covers research, and only the
-- columns the export needs: no names, BSN, contact details, birth dates (an age band instead),
-- addresses or free text. The service pseudonymises ids and shifts or coarsens dates.

CREATE TABLE research_exports (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  format text NOT NULL CHECK (format IN ('csv','json')),
  date_mode text NOT NULL CHECK (date_mode IN ('shift','month')),
  participants integer NOT NULL,
  rows_per_table jsonb NOT NULL,
  generalised integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX research_exports_idx ON research_exports (region_id, created_at);
GRANT SELECT, INSERT ON research_exports TO eerstethuis_app;
ALTER TABLE research_exports ENABLE ROW LEVEL SECURITY;
-- Researchers see their own organisation's exports; the privacy officer and the office all of the region's.
CREATE POLICY research_export_scope ON research_exports
  USING (region_id = app_region() AND (app_has_role('privacy_officer') OR app_has_role('programme_office') OR organisation_id = app_org()))
  WITH CHECK (region_id = app_region() AND organisation_id = app_org());

-- The participants in a research export: consent to research, not merged.
CREATE OR REPLACE FUNCTION research_cohort(p_programme uuid)
  RETURNS TABLE (id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.id FROM participants p
   WHERE app_has_role('researcher') AND p.region_id = app_region() AND p.programme_id = p_programme
     AND p.merged_into_id IS NULL AND p.consent_given_on IS NOT NULL AND 'research' = ANY (p.consent_scope)
$$;

CREATE OR REPLACE FUNCTION research_participants(p_programme uuid)
  RETURNS TABLE (id uuid, target_group text, age_band text, household_adults integer, household_children integer,
                 current_place text, first_referred_on date, waiting_list_registered_on date, phase text, phase_since date,
                 provider text, municipality text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.id, p.target_group,
         CASE WHEN a.age < 23 THEN '18-22' WHEN a.age < 30 THEN '23-29' WHEN a.age < 40 THEN '30-39'
              WHEN a.age < 50 THEN '40-49' WHEN a.age < 65 THEN '50-64' ELSE '65+' END,
         p.household_adults, p.household_children, p.current_place, p.first_referred_on, p.waiting_list_registered_on,
         p.phase, p.phase_since, o.name,
         (SELECT m.name FROM participant_placements pl JOIN units u ON u.id = pl.unit_id JOIN municipalities m ON m.id = u.municipality_id
           WHERE pl.participant_id = p.id ORDER BY pl.start_date LIMIT 1)
    FROM research_cohort(p_programme) c
    JOIN participants p ON p.id = c.id
    LEFT JOIN organisations o ON o.id = p.provider_id
    CROSS JOIN LATERAL (SELECT extract(year FROM age(p.first_referred_on, p.date_of_birth))::int AS age) a
$$;

CREATE OR REPLACE FUNCTION research_phase_events(p_programme uuid)
  RETURNS TABLE (participant_id uuid, seq bigint, phase text, effective_date date, reason text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT e.participant_id, e.seq, e.phase, e.effective_date, e.reason
    FROM research_cohort(p_programme) c JOIN participant_phase_events e ON e.participant_id = c.id
$$;

CREATE OR REPLACE FUNCTION research_tenancies(p_programme uuid)
  RETURNS TABLE (id uuid, participant_id uuid, start_date date, moved_in_on date, flipped_on date, end_date date, end_reason text,
                 first_lease_holder text, housing_form text, delivery_mode text, municipality text, rent_cents integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT t.id, t.participant_id, t.start_date, t.moved_in_on, t.flipped_on, t.end_date, t.end_reason,
         CASE WHEN t.flipped_on IS NOT NULL THEN 'provider' ELSE t.lease_holder END,
         u.form, l.delivery_mode, m.name, t.rent_cents
    FROM research_cohort(p_programme) c
    JOIN tenancies t ON t.participant_id = c.id
    JOIN units u ON u.id = t.unit_id
    LEFT JOIN locations l ON l.id = u.location_id
    JOIN municipalities m ON m.id = u.municipality_id
$$;

CREATE OR REPLACE FUNCTION research_guidance(p_programme uuid)
  RETURNS TABLE (id uuid, participant_id uuid, organisation_kind text, start_date date, end_date date, end_reason text,
                 level text, hours_per_week numeric, contacts integer, contact_minutes integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT g.id, g.participant_id, o.kind, g.start_date, g.end_date, g.end_reason, g.level, g.hours_per_week,
         (SELECT count(*)::int FROM guidance_contacts k WHERE k.episode_id = g.id),
         (SELECT coalesce(sum(k.minutes), 0)::int FROM guidance_contacts k WHERE k.episode_id = g.id)
    FROM research_cohort(p_programme) c
    JOIN guidance_episodes g ON g.participant_id = c.id
    JOIN organisations o ON o.id = g.organisation_id
$$;

CREATE OR REPLACE FUNCTION research_measurements(p_programme uuid)
  RETURNS TABLE (participant_id uuid, measured_on date, moment text, finances smallint, work_education smallint, time_use smallint,
                 housing smallint, domestic_relations smallint, mental_health smallint, physical_health smallint, substance_use smallint,
                 basic_adl smallint, instrumental_adl smallint, social_network smallint, social_participation smallint, justice smallint,
                 housing_status text, quality_of_life smallint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT z.participant_id, z.measured_on, z.moment, z.finances, z.work_education, z.time_use, z.housing, z.domestic_relations,
         z.mental_health, z.physical_health, z.substance_use, z.basic_adl, z.instrumental_adl, z.social_network,
         z.social_participation, z.justice, z.housing_status, z.quality_of_life
    FROM research_cohort(p_programme) c JOIN zrm_measurements z ON z.participant_id = c.id
$$;

REVOKE ALL ON FUNCTION research_cohort(uuid), research_participants(uuid), research_phase_events(uuid), research_tenancies(uuid),
  research_guidance(uuid), research_measurements(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION research_cohort(uuid), research_participants(uuid), research_phase_events(uuid), research_tenancies(uuid),
  research_guidance(uuid), research_measurements(uuid) TO eerstethuis_app;
