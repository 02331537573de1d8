-- Row-level security for participant data (the tables of 0002–0008), on the floor laid by 0011:
-- request transactions run as eerstethuis_app, and these policies decide which rows it sees.
-- The participants policy is the SQL twin of participants.policy.ts `sees` (and of
-- participants.visibility.ts): the programme office sees the region; care staff the participants
-- their organisation is involved with; a referrer those their organisation referred; an assessor
-- those referred to their access office and everyone on the central waiting list.

GRANT SELECT, INSERT, UPDATE, DELETE ON participants, participant_organisations, referrals, participant_phase_events,
  participant_placements, participant_merges, priority_settings, care_assessments, suitability_frameworks,
  suitability_criteria, suitability_assessments, suitability_answers, risk_screenings, participant_imports,
  participant_import_rows, referral_drafts TO eerstethuis_app;
GRANT USAGE, SELECT ON SEQUENCE participant_phase_events_seq_seq TO eerstethuis_app;
-- History is appended, never rewritten by a request.
REVOKE UPDATE, DELETE ON participant_phase_events, participant_merges FROM eerstethuis_app;

ALTER TABLE participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_scope ON participants
  USING (region_id = app_region() AND (
    app_has_role('programme_office')
    OR ((app_has_role('care_worker') OR app_has_role('care_manager')) AND EXISTS (
          SELECT 1 FROM participant_organisations po
           WHERE po.region_id = participants.region_id AND po.participant_id = participants.id AND po.organisation_id = app_org()))
    OR (app_has_role('referrer') AND EXISTS (
          SELECT 1 FROM participant_organisations po
           WHERE po.region_id = participants.region_id AND po.participant_id = participants.id AND po.organisation_id = app_org()
             AND po.relation = 'referrer'))
    OR (app_has_role('assessor') AND (participants.waiting_list_registered_on IS NOT NULL OR EXISTS (
          SELECT 1 FROM participant_organisations po
           WHERE po.region_id = participants.region_id AND po.participant_id = participants.id AND po.organisation_id = app_org())))))
  WITH CHECK (region_id = app_region());

-- The involvement table is what the participants policy reads, so it is scoped by region only
-- (a policy that read participants back would recurse). It holds ids, no personal data.
ALTER TABLE participant_organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON participant_organisations USING (region_id = app_region()) WITH CHECK (region_id = app_region());

-- Everything about a participant follows the participant.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referrals','participant_phase_events','participant_placements','care_assessments',
                           'risk_screenings','suitability_assessments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY participant_data_scope ON %I
                      USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participants p WHERE p.id = %I.participant_id))
                      WITH CHECK (region_id = app_region())', t, t);
  END LOOP;
END $$;

ALTER TABLE participant_merges ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_data_scope ON participant_merges
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participants p WHERE p.id = participant_merges.survivor_id))
  WITH CHECK (region_id = app_region());

ALTER TABLE suitability_answers ENABLE ROW LEVEL SECURITY;
CREATE POLICY participant_data_scope ON suitability_answers
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM suitability_assessments s WHERE s.id = suitability_answers.assessment_id))
  WITH CHECK (region_id = app_region());

-- Programme configuration: the region.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['priority_settings','suitability_frameworks','suitability_criteria']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_isolation ON %I USING (region_id = app_region()) WITH CHECK (region_id = app_region())', t);
  END LOOP;
END $$;

-- An import belongs to the organisation that made it; a referral draft to its author.
ALTER TABLE participant_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_scope ON participant_imports
  USING (region_id = app_region() AND organisation_id = app_org())
  WITH CHECK (region_id = app_region() AND organisation_id = app_org());
ALTER TABLE participant_import_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_scope ON participant_import_rows
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participant_imports i WHERE i.id = participant_import_rows.import_id))
  WITH CHECK (region_id = app_region());
ALTER TABLE referral_drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY draft_scope ON referral_drafts
  USING (region_id = app_region() AND user_id = app_user())
  WITH CHECK (region_id = app_region() AND user_id = app_user());

-- Duplicate detection must look across organisations: someone referred by another team is the
-- same person. These functions run as the owner (past the policies) but only within the
-- caller's region and only answer what a duplicate check needs; the caller learns a match's
-- code only if the policies let it see that participant.
CREATE OR REPLACE FUNCTION participant_identity_matches(p_bsn text, p_name_key text, p_dob date)
  RETURNS TABLE (id uuid, code text, phase text, by_bsn boolean, by_name boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.id, p.code, p.phase, (p.bsn IS NOT NULL AND p.bsn = p_bsn), (p.name_key = p_name_key AND p.date_of_birth = p_dob)
    FROM participants p
   WHERE p.region_id = app_region() AND p.merged_into_id IS NULL
     AND ((p.bsn IS NOT NULL AND p.bsn = p_bsn) OR (p.name_key = p_name_key AND p.date_of_birth = p_dob))
$$;

CREATE OR REPLACE FUNCTION participant_known_identities(p_bsns text[], p_name_keys text[])
  RETURNS TABLE (bsn text, name_key text, date_of_birth date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.bsn, p.name_key, p.date_of_birth
    FROM participants p
   WHERE p.region_id = app_region() AND p.merged_into_id IS NULL
     AND (p.bsn = ANY (p_bsns) OR p.name_key = ANY (p_name_keys))
$$;

-- A new pseudonymous code must be unique in the region, also among participants the caller cannot see.
CREATE OR REPLACE FUNCTION participant_code_taken(p_code text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT EXISTS (SELECT 1 FROM participants WHERE region_id = app_region() AND code = p_code)
$$;

REVOKE ALL ON FUNCTION participant_identity_matches(text, text, date), participant_known_identities(text[], text[]),
  participant_code_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION participant_identity_matches(text, text, date), participant_known_identities(text[], text[]),
  participant_code_taken(text) TO eerstethuis_app;
