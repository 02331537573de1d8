-- Measurements and outcomes (issue 7): the self-sufficiency matrix (ZRM 2017) measured at intake
-- and every 6 months, the programme's versioned definition of sustainable recovery, and the
-- aggregate read that the outcome figures rest on (docs/outcomes.md).

-- —— ZRM measurements ——
-- One row per participant and moment. Every domain is nullable: NULL means "not scored" — the
-- Dutch privacy regulator warns against recording every domain when not all are needed, so a
-- measurement scores only the domains that matter (at least one). Scores describe the last 30
-- days and are ordinal: 1 acute problem … 5 fully self-sufficient.
CREATE TABLE zrm_measurements (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  programme_id uuid NOT NULL REFERENCES programmes(id),
  measured_on date NOT NULL,
  moment text NOT NULL CHECK (moment IN ('intake','m6','m12','m18','m24')),
  finances smallint CHECK (finances BETWEEN 1 AND 5),
  work_education smallint CHECK (work_education BETWEEN 1 AND 5),
  time_use smallint CHECK (time_use BETWEEN 1 AND 5),
  housing smallint CHECK (housing BETWEEN 1 AND 5),
  domestic_relations smallint CHECK (domestic_relations BETWEEN 1 AND 5),
  mental_health smallint CHECK (mental_health BETWEEN 1 AND 5),
  physical_health smallint CHECK (physical_health BETWEEN 1 AND 5),
  substance_use smallint CHECK (substance_use BETWEEN 1 AND 5),
  basic_adl smallint CHECK (basic_adl BETWEEN 1 AND 5),
  instrumental_adl smallint CHECK (instrumental_adl BETWEEN 1 AND 5),
  social_network smallint CHECK (social_network BETWEEN 1 AND 5),
  social_participation smallint CHECK (social_participation BETWEEN 1 AND 5),
  justice smallint CHECK (justice BETWEEN 1 AND 5),
  -- Where the participant lived at the measurement.
  housing_status text NOT NULL CHECK (housing_status IN ('housed_programme','housed_elsewhere','shelter','street','institution','detention','other')),
  -- Optional quality of life: the participant's own overall mark, 1–10.
  quality_of_life smallint CHECK (quality_of_life BETWEEN 1 AND 10),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  measured_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, participant_id, moment),
  CHECK (num_nonnulls(finances, work_education, time_use, housing, domestic_relations, mental_health, physical_health,
    substance_use, basic_adl, instrumental_adl, social_network, social_participation, justice) >= 1)
);
CREATE INDEX zrm_measurements_participant_idx ON zrm_measurements (region_id, participant_id, measured_on);
CREATE INDEX zrm_measurements_programme_idx ON zrm_measurements (region_id, programme_id, moment);

-- —— Sustainable recovery, versioned per programme ——
-- The newest version applies; earlier versions stay so an earlier figure can be reproduced.
CREATE TABLE recovery_definitions (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  version integer NOT NULL CHECK (version >= 1),
  min_housed_months integer NOT NULL DEFAULT 12 CHECK (min_housed_months BETWEEN 1 AND 60),
  require_no_return boolean NOT NULL DEFAULT true,
  require_no_domain_at_one boolean NOT NULL DEFAULT true,
  goal_percent numeric(5,2) NOT NULL DEFAULT 90 CHECK (goal_percent BETWEEN 0 AND 100),
  note text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, programme_id, version)
);

GRANT SELECT, INSERT ON zrm_measurements, recovery_definitions TO eerstethuis_app;
REVOKE UPDATE, DELETE ON zrm_measurements, recovery_definitions FROM eerstethuis_app;

-- A measurement follows the participant; a definition is programme configuration (the region).
ALTER TABLE zrm_measurements ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_data_scope ON zrm_measurements
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participants p WHERE p.id = zrm_measurements.participant_id))
  WITH CHECK (region_id = app_region());
ALTER TABLE recovery_definitions ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON recovery_definitions USING (region_id = app_region()) WITH CHECK (region_id = app_region());

-- —— The aggregate read ——
-- Outcome figures are aggregates that municipalities may see although they may not see a single
-- participant. These functions run as the owner (past the participant policies) but only within
-- the caller's region and programme; the outcomes service turns their rows into aggregates with
-- small-cell suppression and never returns a row as such.

-- One housing spell per participant of the programme housed on or before p_date: from the first
-- housing start to the first exit that ends it (a tenancy end other than a move within the
-- programme; without tenancies, the `exited` phase event), as known on p_date. Tenancies are
-- read when the participant has any; otherwise participant_placements and the phase events.
CREATE OR REPLACE FUNCTION outcome_spells(p_programme uuid, p_date date)
  RETURNS TABLE (participant_id uuid, provider_id uuid, municipality_id uuid, target_group text, housing_form text, route text,
                 first_referred_on date, start_date date, end_date date, end_reason text, flipped_on date, return_on date,
                 handover_on date, last_measured_on date, last_min_score smallint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  WITH p AS (
    SELECT p.id, p.provider_id, p.target_group, p.first_referred_on
      FROM participants p
     WHERE p.region_id = app_region() AND p.programme_id = p_programme AND p.merged_into_id IS NULL
  ),
  ten AS MATERIALIZED (
    SELECT t.participant_id, min(t.start_date) AS start_date,
           (array_agg(t.unit_id ORDER BY t.start_date, t.id))[1] AS unit_id,
           (array_agg(t.provider_id ORDER BY t.start_date, t.id))[1] AS provider_id,
           min(t.flipped_on) FILTER (WHERE t.flipped_on <= p_date) AS flipped_on
      FROM tenancies t
     WHERE t.region_id = app_region() AND t.programme_id = p_programme AND t.start_date <= p_date
     GROUP BY t.participant_id
  ),
  ten_end AS MATERIALIZED (
    SELECT DISTINCT ON (t.participant_id) t.participant_id, t.end_date, t.end_reason
      FROM tenancies t
     WHERE t.region_id = app_region() AND t.programme_id = p_programme AND t.end_date <= p_date
       AND t.end_reason <> 'moved_within_programme'
     ORDER BY t.participant_id, t.end_date, t.start_date
  ),
  pl AS MATERIALIZED (
    SELECT pl.participant_id, min(pl.start_date) AS start_date, (array_agg(pl.unit_id ORDER BY pl.start_date, pl.id))[1] AS unit_id
      FROM participant_placements pl
     WHERE pl.region_id = app_region() AND pl.start_date <= p_date
     GROUP BY pl.participant_id
  ),
  housed AS MATERIALIZED (
    SELECT DISTINCT ON (e.participant_id) e.participant_id, e.effective_date, e.unit_id
      FROM participant_phase_events e
     WHERE e.region_id = app_region() AND e.phase = 'housed' AND e.effective_date <= p_date
     ORDER BY e.participant_id, e.effective_date, e.seq
  ),
  exited AS MATERIALIZED (
    SELECT DISTINCT ON (e.participant_id) e.participant_id, e.effective_date, coalesce(e.reason, 'other') AS reason
      FROM participant_phase_events e
     WHERE e.region_id = app_region() AND e.phase = 'exited' AND e.effective_date <= p_date
     ORDER BY e.participant_id, e.effective_date, e.seq
  ),
  ho AS MATERIALIZED (
    SELECT ge.participant_id, min(h.handover_date) AS handover_on
      FROM guidance_handovers h JOIN guidance_episodes ge ON ge.id = h.from_episode_id
     WHERE h.region_id = app_region() AND h.handover_date <= p_date
     GROUP BY ge.participant_id
  ),
  s AS (
    SELECT p.id AS participant_id, coalesce(ten.provider_id, p.provider_id) AS provider_id, p.target_group, p.first_referred_on,
           CASE WHEN ten.participant_id IS NOT NULL THEN ten.start_date ELSE coalesce(pl.start_date, housed.effective_date) END AS start_date,
           CASE WHEN ten.participant_id IS NOT NULL THEN ten.unit_id ELSE coalesce(pl.unit_id, housed.unit_id) END AS unit_id,
           CASE WHEN ten.participant_id IS NOT NULL THEN te.end_date ELSE ex.effective_date END AS end_date,
           CASE WHEN ten.participant_id IS NOT NULL THEN te.end_reason ELSE ex.reason END AS end_reason,
           ten.flipped_on
      FROM p
      LEFT JOIN ten ON ten.participant_id = p.id
      LEFT JOIN ten_end te ON te.participant_id = p.id
      LEFT JOIN pl ON pl.participant_id = p.id
      LEFT JOIN housed ON housed.participant_id = p.id
      LEFT JOIN exited ex ON ex.participant_id = p.id
  )
  SELECT s.participant_id, s.provider_id, u.municipality_id, s.target_group, u.form, l.delivery_mode,
         s.first_referred_on, s.start_date, s.end_date, s.end_reason, s.flipped_on,
         CASE WHEN s.end_reason IN ('moved_on','guidance_completed') THEN (
           SELECT min(x.d) FROM (
             SELECT r.referred_on AS d FROM referrals r
              WHERE r.region_id = app_region() AND r.participant_id = s.participant_id AND r.homelessness = 'homeless'
                AND r.referred_on >= s.end_date AND r.referred_on <= p_date
             UNION ALL
             SELECT t.start_date FROM tenancies t
              WHERE t.region_id = app_region() AND t.participant_id = s.participant_id
                AND t.start_date > s.end_date + 14 AND t.start_date <= p_date) x)
         END,
         ho.handover_on,
         m.measured_on, m.min_score
    FROM s
    -- ids are unique across regions: the unique indexes on id find the home and its location.
    LEFT JOIN units u ON u.id = s.unit_id
    LEFT JOIN locations l ON l.id = u.location_id
    LEFT JOIN ho ON ho.participant_id = s.participant_id
    LEFT JOIN LATERAL (
      SELECT z.measured_on, least(z.finances, z.work_education, z.time_use, z.housing, z.domestic_relations, z.mental_health,
               z.physical_health, z.substance_use, z.basic_adl, z.instrumental_adl, z.social_network, z.social_participation, z.justice) AS min_score
        FROM zrm_measurements z
       WHERE z.region_id = app_region() AND z.participant_id = s.participant_id AND z.measured_on <= p_date
       ORDER BY z.measured_on DESC, z.created_at DESC
       LIMIT 1) m ON true
   WHERE s.start_date IS NOT NULL AND s.start_date <= p_date
$$;

-- The ZRM measurements of the programme's participants on or before p_date, for group
-- trajectories (means per domain and moment) that municipalities may see as aggregates.
CREATE OR REPLACE FUNCTION outcome_zrm(p_programme uuid, p_date date)
  RETURNS TABLE (participant_id uuid, moment text, finances smallint, work_education smallint, time_use smallint, housing smallint,
                 domestic_relations smallint, mental_health smallint, physical_health smallint, substance_use smallint, basic_adl smallint,
                 instrumental_adl smallint, social_network smallint, social_participation smallint, justice smallint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT z.participant_id, z.moment, z.finances, z.work_education, z.time_use, z.housing, z.domestic_relations, z.mental_health,
         z.physical_health, z.substance_use, z.basic_adl, z.instrumental_adl, z.social_network, z.social_participation, z.justice
    FROM zrm_measurements z
   WHERE z.region_id = app_region() AND z.programme_id = p_programme AND z.measured_on <= p_date
$$;

REVOKE ALL ON FUNCTION outcome_spells(uuid, date), outcome_zrm(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outcome_spells(uuid, date), outcome_zrm(uuid, date) TO eerstethuis_app;
