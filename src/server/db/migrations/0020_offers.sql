-- Offers (aanbod): one home offered to one participant, run as a multi-party workflow with a
-- step, deadlines and structured declines (docs/matching.md), its history in offer_events; and
-- parking of participants after repeated declines.

CREATE TABLE offers (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  participant_id uuid NOT NULL REFERENCES participants(id),
  route text NOT NULL CHECK (route IN ('scattered','project')),
  -- The parties, fixed when the offer is made: they decide the steps and scope who sees it.
  provider_id uuid REFERENCES organisations(id),
  corporation_id uuid REFERENCES organisations(id),
  allocation_office_id uuid REFERENCES organisations(id),
  call_id uuid REFERENCES calls(id),
  proposal_id uuid REFERENCES matching_proposals(id),
  step text NOT NULL CHECK (step IN ('provider_proposal','corporation_decision','receipt','offer_to_candidate','viewing',
    'candidate_decision','contract')),
  status text NOT NULL CHECK (status IN ('open','decline_review','succeeded','declined','cancelled')),
  step_entered_on date NOT NULL,
  -- The stalled reminder and the escalation of the current step (reset when the step changes).
  reminded_on date,
  escalated_on date,
  -- When the candidate was shared with the landlord side (corporation, allocation office):
  -- only with consent for housing; before it the corporation does not see the offer.
  shared_on date,
  -- The decline waiting for the office's review.
  decline_party text CHECK (decline_party IS NULL OR decline_party IN ('client','provider','corporation','expired')),
  decline_reason text,
  decline_note text,
  declined_on date,
  closed_on date,
  close_reason text,
  close_note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((route = 'scattered') = (allocation_office_id IS NOT NULL)),
  CHECK (route = 'project' OR step IN ('receipt','offer_to_candidate','viewing','candidate_decision','contract')),
  CHECK (route = 'scattered' OR step IN ('provider_proposal','corporation_decision','candidate_decision','contract')),
  -- A decline under review names its party; a confirmed one keeps it (the dashboards count them).
  CHECK (status <> 'decline_review' OR decline_party IS NOT NULL),
  CHECK (decline_party IS NULL OR status IN ('decline_review','declined')),
  CHECK ((status IN ('succeeded','declined','cancelled')) = (closed_on IS NOT NULL))
);
-- No double allocation, enforced by the database: an offer becomes *active* when the candidate
-- accepts (it then waits for the contract and holds the home) and stays so until it succeeds or
-- closes. Many offers of one home may be open at once; at most one per home and one per
-- participant can be active. A concurrent second acceptance fails on these indexes.
CREATE UNIQUE INDEX offers_active_unit_key ON offers (region_id, unit_id)
  WHERE step = 'contract' AND status IN ('open','decline_review');
CREATE UNIQUE INDEX offers_active_participant_key ON offers (region_id, participant_id)
  WHERE step = 'contract' AND status IN ('open','decline_review');
-- One open offer per home and person: a second one would only duplicate the first.
CREATE UNIQUE INDEX offers_open_pair_key ON offers (region_id, unit_id, participant_id)
  WHERE status IN ('open','decline_review');
CREATE INDEX offers_unit_idx ON offers (region_id, unit_id, status);
CREATE INDEX offers_participant_idx ON offers (region_id, participant_id, status);
CREATE INDEX offers_open_idx ON offers (region_id, programme_id, step_entered_on) WHERE status IN ('open','decline_review');

CREATE TABLE offer_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  offer_id uuid NOT NULL REFERENCES offers(id),
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('created','accepted','declined','reviewed','cancelled','reminded','escalated','succeeded')),
  -- The step the offer was at, and where it went (equal when the step did not change).
  step text NOT NULL,
  next_step text NOT NULL,
  status_after text NOT NULL,
  party text,
  reason text,
  outcome text CHECK (outcome IS NULL OR outcome IN ('confirm','override','return')),
  note text,
  effective_date date NOT NULL,
  source text NOT NULL DEFAULT 'app' CHECK (source IN ('app','csv','system')),
  recorded_by uuid REFERENCES users(id),
  recorded_by_organisation_id uuid REFERENCES organisations(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX offer_events_offer_idx ON offer_events (region_id, offer_id, seq);

-- A participant parked for a period (or indefinitely, parked_until NULL) is left out of
-- rankings and proposals; the office can end a parking early.
CREATE TABLE participant_parkings (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  parked_from date NOT NULL,
  parked_until date,
  reason text NOT NULL,
  offer_id uuid REFERENCES offers(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_on date,
  ended_by uuid REFERENCES users(id),
  PRIMARY KEY (region_id, id),
  CHECK (parked_until IS NULL OR parked_until >= parked_from)
);
CREATE INDEX participant_parkings_participant_idx ON participant_parkings (region_id, participant_id);

GRANT SELECT, INSERT, UPDATE ON offers, participant_parkings TO eerstethuis_app;
GRANT SELECT, INSERT ON offer_events TO eerstethuis_app;
GRANT USAGE, SELECT ON SEQUENCE offer_events_seq_seq TO eerstethuis_app;

-- Who is party to an offer: the office; the care provider that guides the candidate; the
-- corporation of the home once the candidate was shared with it; the allocation office of a
-- scattered offer. The policies and the functions below share this one definition.
CREATE OR REPLACE FUNCTION app_offer_party(p_provider uuid, p_corporation uuid, p_allocation uuid, p_shared date)
  RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT app_has_role('programme_office')
       OR (coalesce(p_provider = app_org(), false) AND (app_has_role('care_worker') OR app_has_role('care_manager')))
       OR (coalesce(p_corporation = app_org(), false) AND p_shared IS NOT NULL AND app_has_role('corporation'))
       OR (coalesce(p_allocation = app_org(), false) AND app_has_role('allocation_officer')) $$;

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_scope ON offers
  USING (region_id = app_region() AND app_offer_party(provider_id, corporation_id, allocation_office_id, shared_on))
  WITH CHECK (region_id = app_region());
ALTER TABLE offer_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_event_scope ON offer_events
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM offers o WHERE o.id = offer_events.offer_id))
  WITH CHECK (region_id = app_region());
-- A parking follows the participant (the office sees all, care staff their own participants).
ALTER TABLE participant_parkings ENABLE ROW LEVEL SECURITY;
CREATE POLICY parking_scope ON participant_parkings
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participants p WHERE p.id = participant_parkings.participant_id))
  WITH CHECK (region_id = app_region());

-- What a party may know of an offer's candidate without seeing the participant's record: the
-- phase and the consent (to gate sharing), whether they are parked. No names, nothing clinical.
CREATE OR REPLACE FUNCTION offer_participant_facts(p_offers uuid[], p_on date)
  RETURNS TABLE (offer_id uuid, participant_id uuid, phase text, consent_given_on date, consent_scope text[], parked boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT o.id, p.id, p.phase, p.consent_given_on, p.consent_scope,
         EXISTS (SELECT 1 FROM participant_parkings k WHERE k.participant_id = p.id AND k.ended_on IS NULL
                   AND k.parked_from <= p_on AND (k.parked_until IS NULL OR k.parked_until >= p_on))
    FROM offers o JOIN participants p ON p.id = o.participant_id
   WHERE o.id = ANY (p_offers) AND o.region_id = app_region()
     AND app_offer_party(o.provider_id, o.corporation_id, o.allocation_office_id, o.shared_on)
$$;

-- What the landlord side (the corporation, the allocation office) sees of a candidate: what a
-- landlord needs — name, household size, contact — never care data, and only with the
-- participant's consent for sharing with housing. Without it only the pseudonymous code.
CREATE OR REPLACE FUNCTION offer_candidates(p_offers uuid[])
  RETURNS TABLE (offer_id uuid, code text, given_name text, family_name text, household_adults integer,
                 household_children integer, phone text, email text, housing_consent boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT o.id, p.code,
         CASE WHEN k.ok THEN p.given_name END, CASE WHEN k.ok THEN p.family_name END,
         CASE WHEN k.ok THEN p.household_adults END, CASE WHEN k.ok THEN p.household_children END,
         CASE WHEN k.ok THEN p.phone END, CASE WHEN k.ok THEN p.email END, k.ok
    FROM offers o JOIN participants p ON p.id = o.participant_id,
         LATERAL (SELECT (p.consent_given_on IS NOT NULL AND 'housing' = ANY (p.consent_scope)) AS ok) k
   WHERE o.id = ANY (p_offers) AND o.region_id = app_region()
     AND ((app_has_role('corporation') AND o.corporation_id = app_org() AND o.shared_on IS NOT NULL)
       OR (app_has_role('allocation_officer') AND o.allocation_office_id = app_org()))
$$;

-- The consequences of a succeeded offer that reach beyond what the deciding party may see: the
-- participant becomes `matched` (with a phase event), and every other open offer of the same home
-- ("vacancy filled") or of the same participant ("housed elsewhere") is cancelled, with an event
-- each. Acts only on an offer of the caller's region that the caller has just marked succeeded.
CREATE OR REPLACE FUNCTION settle_offer_success(p_offer uuid, p_on date)
  RETURNS TABLE (offer_id uuid, reason text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  o offers%ROWTYPE;
  cur_phase text;
  last_date date;
  r record;
BEGIN
  SELECT * INTO o FROM offers x WHERE x.id = p_offer AND x.region_id = app_region() AND x.status = 'succeeded';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'offer_not_succeeded' USING ERRCODE = 'P0001';
  END IF;
  SELECT p.phase INTO cur_phase FROM participants p WHERE p.id = o.participant_id FOR UPDATE;
  IF cur_phase <> 'ready' THEN
    RAISE EXCEPTION 'participant_not_ready:%', cur_phase USING ERRCODE = 'P0001';
  END IF;
  SELECT max(e.effective_date) INTO last_date FROM participant_phase_events e WHERE e.participant_id = o.participant_id;
  IF last_date IS NOT NULL AND p_on < last_date THEN
    RAISE EXCEPTION 'date_before_last_phase:%', last_date USING ERRCODE = 'P0001';
  END IF;
  INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date, note, unit_id, recorded_by)
  VALUES (o.region_id, gen_random_uuid(), o.participant_id, 'matched', p_on, 'Aanbod geslaagd / offer succeeded', o.unit_id, app_user());
  -- ready and matched are both "waiting" phases: the priority key does not change.
  UPDATE participants SET phase = 'matched', phase_since = p_on, version = version + 1, updated_at = now() WHERE id = o.participant_id;
  FOR r IN
    UPDATE offers x
       SET status = 'cancelled', closed_on = p_on,
           close_reason = CASE WHEN x.unit_id = o.unit_id THEN 'vacancy_filled' ELSE 'housed_elsewhere' END,
           decline_party = NULL, decline_reason = NULL, decline_note = NULL, declined_on = NULL,
           version = x.version + 1, updated_at = now()
     WHERE x.region_id = o.region_id AND x.id <> o.id AND x.status IN ('open','decline_review')
       AND (x.unit_id = o.unit_id OR x.participant_id = o.participant_id)
    RETURNING x.id, x.step, x.close_reason
  LOOP
    INSERT INTO offer_events (region_id, id, offer_id, kind, step, next_step, status_after, reason, effective_date, source, recorded_by)
    VALUES (o.region_id, gen_random_uuid(), r.id, 'cancelled', r.step, r.step, 'cancelled', r.close_reason, p_on, 'system', app_user());
    offer_id := r.id;
    reason := r.close_reason;
    RETURN NEXT;
  END LOOP;
END
$$;

REVOKE ALL ON FUNCTION offer_participant_facts(uuid[], date), offer_candidates(uuid[]), settle_offer_success(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION offer_participant_facts(uuid[], date), offer_candidates(uuid[]), settle_offer_success(uuid, date) TO eerstethuis_app;
