import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  useCreateParticipant,
  useDeleteReferralDraft,
  useDuplicateCheck,
  useMunicipalities,
  useOrganisations,
  useReferralDraft,
  useReferralDrafts,
  useSaveReferralDraft,
} from '../../api/hooks';
import { isApiError } from '../../api/client';
import type { DuplicateMatch, Programme, ReferralDraft } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import {
  CheckboxField,
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { PhaseBadge } from '../../components/PhaseBadge';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { focusField, usePathErrors } from '../../formErrors';
import { useFormat, useI18n, useT } from '../../i18n';
import {
  byName,
  consentScopeOptions,
  currentPlaceOptions,
  homelessnessOptions,
  needOptions,
  targetGroupOptions,
  yesNoOptions,
} from '../../options';
import { PARTICIPANTS_PATH, participantPath } from '../../paths';
import { access } from '../../roles';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import {
  bsnMessage,
  draftData,
  draftTitle,
  emptyReferral,
  PATH_OF,
  REFERRAL_IDS,
  referralBody,
  referralErrors,
  valuesFromDraft,
  type ReferralPath,
  type ReferralValues,
} from './referralModel';

const DRAFT_PARAM = 'concept';

/** /deelnemers/aanmelden: refer someone new; save halfway as a draft; duplicates are checked before sending. */
export function ReferralPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('referral.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={PARTICIPANTS_PATH}>{t('participant.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('referral.title')}</Heading>
      {access.refer(me) ? (
        <ProgrammeGate>{(programme) => <ReferralWorkspace programme={programme} />}</ProgrammeGate>
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('referral.noPermission')}</p>
        </Alert>
      )}
    </>
  );
}

/** The drafts and the form; which draft the form was opened from is kept in `?concept=`. */
function ReferralWorkspace({ programme }: { programme: Programme }) {
  const [params, setParams] = useSearchParams();
  const draftParam = params.get(DRAFT_PARAM);
  // The draft the form was opened from (null: a new referral); `fresh` remounts an empty form.
  const [opened, setOpened] = useState<string | null>(draftParam);
  const [fresh, setFresh] = useState(0);
  // The draft the form is saving to now (also after saving a new form as a draft).
  const current = useRef<string | null>(draftParam);

  const setDraftParam = (id: string | null) =>
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        if (id) next.set(DRAFT_PARAM, id);
        else next.delete(DRAFT_PARAM);
        return next;
      },
      { replace: true },
    );

  // back / forward, or a link to another draft: open what the address says
  useEffect(() => {
    if (draftParam !== current.current) {
      current.current = draftParam;
      setOpened(draftParam);
      setFresh((n) => n + 1);
    }
  }, [draftParam]);

  const open = (id: string | null) => {
    current.current = id;
    setOpened(id);
    setFresh((n) => n + 1);
    setDraftParam(id);
    window.setTimeout(() => document.getElementById('referral-form-heading')?.focus(), 0);
  };

  const onDraftSaved = (draft: ReferralDraft) => {
    current.current = draft.id;
    setDraftParam(draft.id);
  };

  return (
    <>
      <DraftList currentId={current.current} onOpen={open} />
      {opened ? (
        <DraftForm key={`${opened}-${fresh}`} id={opened} programme={programme} onDraftSaved={onDraftSaved} onNew={() => open(null)} />
      ) : (
        <ReferralForm key={`new-${fresh}`} programme={programme} draft={null} onDraftSaved={onDraftSaved} onNew={() => open(null)} />
      )}
    </>
  );
}

function DraftForm({
  id,
  programme,
  onDraftSaved,
  onNew,
}: {
  id: string;
  programme: Programme;
  onDraftSaved: (draft: ReferralDraft) => void;
  onNew: () => void;
}) {
  const t = useT();
  const draft = useReferralDraft(id);
  if (draft.isPending) return <Loading />;
  if (draft.isError) {
    return (
      <>
        <QueryError error={draft.error} onRetry={() => void draft.refetch()} />
        <Button id="referral-new" appearance="primary" onClick={onNew}>
          {t('referral.startNew')}
        </Button>
      </>
    );
  }
  return <ReferralForm programme={programme} draft={draft.data} onDraftSaved={onDraftSaved} onNew={onNew} />;
}

// ---------------------------------------------------------------- my drafts

function DraftList({ currentId, onOpen }: { currentId: string | null; onOpen: (id: string | null) => void }) {
  const t = useT();
  const format = useFormat();
  const drafts = useReferralDrafts();
  const remove = useDeleteReferralDraft();
  const problem = useProblem(remove.error);
  const [deleting, setDeleting] = useState<ReferralDraft | null>(null);
  const [deleted, setDeleted] = useState(false);
  const items = drafts.data?.items ?? [];

  const close = () => {
    const id = deleting?.id;
    setDeleting(null);
    remove.reset();
    if (id) window.setTimeout(() => document.getElementById(`draft-delete-${id}`)?.focus(), 0);
  };

  const confirm = () => {
    if (!deleting) return;
    const id = deleting.id;
    remove.mutate(id, {
      onSuccess: () => {
        setDeleting(null);
        setDeleted(true);
        if (id === currentId) onOpen(null);
        window.setTimeout(() => document.getElementById('drafts-heading')?.focus(), 0);
      },
    });
  };

  if (drafts.isPending) return null;
  if (drafts.isError) return <QueryError error={drafts.error} onRetry={() => void drafts.refetch()} />;
  if (items.length === 0 && !deleted) return null;

  return (
    <section className="eh-section eh-panel" aria-labelledby="drafts-heading" id="drafts">
      <Heading level={2} id="drafts-heading" tabIndex={-1}>
        {t('drafts.title')}
      </Heading>
      {deleted ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('drafts.deleted')}</p>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>{t('drafts.empty')}</Paragraph>
      ) : (
        <ul className="eh-draft-list">
          {items.map((draft) => {
            const title = draftTitle(draft.data) ?? t('drafts.untitled');
            return (
              <li key={draft.id} className="eh-draft-list__item">
                <span className="eh-draft-list__name">
                  <strong>{title}</strong>
                  {draft.id === currentId ? <span className="eh-tag">{t('drafts.current')}</span> : null}
                  <span className="eh-cell-sub">{t('drafts.savedAt', { date: format.dateTime(draft.updatedAt) })}</span>
                </span>
                <ButtonGroup>
                  <Button id={`draft-open-${draft.id}`} appearance="secondary" onClick={() => onOpen(draft.id)}>
                    {t('drafts.open')}
                    <span className="eh-visually-hidden"> ({title})</span>
                  </Button>
                  <Button
                    id={`draft-delete-${draft.id}`}
                    appearance="subtle"
                    onClick={() => {
                      setDeleted(false);
                      setDeleting(draft);
                    }}
                  >
                    {t('drafts.delete')}
                    <span className="eh-visually-hidden"> ({title})</span>
                  </Button>
                </ButtonGroup>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        id="draft-delete-dialog"
        open={deleting !== null}
        title={t('drafts.deleteTitle')}
        confirmLabel={t('drafts.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        busy={remove.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={confirm}
        onCancel={close}
      >
        <p className="utrecht-paragraph">
          {t('drafts.deleteText', { name: deleting ? draftTitle(deleting.data) ?? t('drafts.untitled') : '' })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

// ---------------------------------------------------------------- the form

function FormSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="eh-form-section" aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`} className="eh-form-section__title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

function ReferralForm({
  programme,
  draft,
  onDraftSaved,
  onNew,
}: {
  programme: Programme;
  draft: ReferralDraft | null;
  onDraftSaved: (draft: ReferralDraft) => void;
  onNew: () => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { programmes } = useProgrammeSelection();
  const [programmeId, setProgrammeId] = useState(() => {
    const fromDraft = draft?.data.programmeId;
    return typeof fromDraft === 'string' && programmes.some((p) => p.id === fromDraft) ? fromDraft : programme.id;
  });
  const [values, setValues] = useState<ReferralValues>(() => (draft ? valuesFromDraft(draft.data) : emptyReferral()));
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(draft ? { id: draft.id, version: draft.version } : null);
  const [savedNotice, setSavedNotice] = useState(false);
  const [draftConflict, setDraftConflict] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);

  const create = useCreateParticipant();
  const check = useDuplicateCheck();
  const saveDraft = useSaveReferralDraft();
  const problem = useProblem(create.error ?? check.error);
  const draftProblem = useProblem(draftConflict ? null : saveDraft.error);
  const { errorOf, general, validate, setError, clear } = usePathErrors(problem);
  const municipalities = useMunicipalities();
  const providers = useOrganisations('care_provider');
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (duplicates) duplicatesRef.current?.focus();
  }, [duplicates]);

  // after a refused referral, show the summary; the field errors are beside the fields
  useEffect(() => {
    if (create.isError || check.isError) problemRef.current?.focus();
  }, [create.isError, check.isError]);

  const set = <K extends keyof ReferralValues>(key: K) => (value: ReferralValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSavedNotice(false);
    clear(PATH_OF[key]);
  };

  const municipalityOptions = byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const ids = REFERRAL_IDS as Record<string, string>;
  const err = (path: ReferralPath) => errorOf(path);

  const onSaveDraft = () => {
    setSavedNotice(false);
    setDraftConflict(false);
    saveDraft.mutate(
      { id: saved?.id, version: saved?.version, data: draftData(values, programmeId) },
      {
        onSuccess: (out) => {
          setSaved({ id: out.id, version: out.version });
          setSavedNotice(true);
          onDraftSaved(out);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setDraftConflict(true);
          // the draft was deleted elsewhere: the next save makes a new one
          if (isApiError(error) && error.status === 404) setSaved(null);
        },
      },
    );
  };

  const send = (acknowledgeDuplicates: boolean) => {
    setDuplicates(null);
    create.mutate(
      { ...referralBody(values, programmeId), draftId: saved?.id, acknowledgeDuplicates },
      { onSuccess: (detail) => navigate(participantPath(detail.code), { state: { created: true } }) },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSavedNotice(false);
    create.reset();
    check.reset();
    setDuplicates(null);
    if (!validate(referralErrors(values, t, lang), ids)) return;
    check.mutate(
      { givenName: values.givenName.trim(), familyName: values.familyName.trim(), dateOfBirth: values.dateOfBirth, bsn: values.bsn.trim() || undefined },
      {
        onSuccess: (out) => {
          if (out.matches.length === 0) send(false);
          else setDuplicates(out.matches);
        },
      },
    );
  };

  const busy = create.isPending || check.isPending;

  return (
    <form className="eh-form eh-form--wide" noValidate onSubmit={onSubmit} aria-labelledby="referral-form-heading" id="referral-form">
      <Heading level={2} id="referral-form-heading" tabIndex={-1} className="eh-visually-hidden">
        {saved ? t('referral.formHeadingDraft') : t('referral.formHeading')}
      </Heading>
      <Paragraph>{t('referral.intro')}</Paragraph>
      {saved ? (
        <p className="utrecht-paragraph eh-muted" id="referral-draft-state">
          {t('referral.editingDraft')}{' '}
          <Button appearance="subtle" onClick={onNew} id="referral-new">
            {t('referral.startNew')}
          </Button>
        </p>
      ) : null}
      <div ref={problemRef} tabIndex={-1}>
        <ProblemAlert problem={problem} id="referral-problem" />
        {general ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{general}</p>
          </Alert>
        ) : null}
      </div>

      {programmes.length > 1 ? (
        <SelectField
          id={REFERRAL_IDS.programmeId}
          label={t('dashboard.programme')}
          value={programmeId}
          onChange={setProgrammeId}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
          error={errorOf('programmeId')}
        />
      ) : null}

      <FormSection id="referral-person" title={t('referral.sectionPerson')}>
        <TextField
          id={REFERRAL_IDS.givenName}
          label={t('field.givenName')}
          value={values.givenName}
          onChange={set('givenName')}
          required
          autoComplete="off"
          error={err('givenName')}
        />
        <TextField
          id={REFERRAL_IDS.familyName}
          label={t('field.familyName')}
          description={t('field.familyNameHelp')}
          value={values.familyName}
          onChange={set('familyName')}
          required
          autoComplete="off"
          error={err('familyName')}
        />
        <TextField
          id={REFERRAL_IDS.dateOfBirth}
          type="date"
          label={t('field.dateOfBirth')}
          value={values.dateOfBirth}
          onChange={set('dateOfBirth')}
          required
          error={err('dateOfBirth')}
        />
        <TextField
          id={REFERRAL_IDS.bsn}
          label={t('field.bsn')}
          description={t('referral.bsnWhy')}
          value={values.bsn}
          onChange={(value) => {
            set('bsn')(value);
            // once a message shows, follow the typing; otherwise wait for the field to be left
            if (errorOf('bsn')) setError('bsn', bsnMessage(value, lang));
          }}
          onBlur={() => setError('bsn', bsnMessage(values.bsn, lang))}
          optional
          inputMode="numeric"
          autoComplete="off"
          className="eh-input--medium"
          error={err('bsn')}
        />
        <TextField
          id={REFERRAL_IDS.phone}
          type="text"
          inputMode="tel"
          label={t('field.phone')}
          value={values.phone}
          onChange={set('phone')}
          optional
          autoComplete="off"
          className="eh-input--medium"
          error={err('phone')}
        />
        <TextField
          id={REFERRAL_IDS.email}
          type="email"
          label={t('field.email')}
          value={values.email}
          onChange={set('email')}
          optional
          autoComplete="off"
          error={err('email')}
        />
      </FormSection>

      <FormSection id="referral-household" title={t('referral.sectionHousehold')}>
        <TextField
          id={REFERRAL_IDS.householdAdults}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          step={1}
          label={t('field.householdAdults')}
          value={values.householdAdults}
          onChange={set('householdAdults')}
          required
          className="eh-input--short"
          error={err('householdAdults')}
        />
        <TextField
          id={REFERRAL_IDS.householdChildren}
          type="number"
          inputMode="numeric"
          min={0}
          max={15}
          step={1}
          label={t('field.householdChildren')}
          value={values.householdChildren}
          onChange={set('householdChildren')}
          required
          className="eh-input--short"
          error={err('householdChildren')}
        />
        {values.householdChildren.trim() !== '' && values.householdChildren.trim() !== '0' ? (
          <TextField
            id={REFERRAL_IDS.childrenAges}
            label={t('field.childrenAges')}
            description={t('field.childrenAgesHelp')}
            value={values.childrenAges}
            onChange={set('childrenAges')}
            optional
            autoComplete="off"
            className="eh-input--medium"
            error={err('childrenAges')}
          />
        ) : null}
        <SelectField
          id={REFERRAL_IDS.targetGroup}
          label={t('field.targetGroup')}
          value={values.targetGroup}
          onChange={set('targetGroup')}
          options={targetGroupOptions(t)}
          emptyLabel={t('common.choose')}
          required
          error={err('targetGroup')}
        />
      </FormSection>

      <FormSection id="referral-situation" title={t('referral.sectionSituation')}>
        <SelectField
          id={REFERRAL_IDS.currentPlace}
          label={t('field.currentPlace')}
          value={values.currentPlace}
          onChange={set('currentPlace')}
          options={currentPlaceOptions(t)}
          emptyLabel={t('common.choose')}
          required
          error={err('currentPlace')}
        />
        <TextField
          id={REFERRAL_IDS.currentPlaceNote}
          label={t('field.currentPlaceNote')}
          value={values.currentPlaceNote}
          onChange={set('currentPlaceNote')}
          optional
          autoComplete="off"
          error={err('currentPlaceNote')}
        />
        <CheckboxGroup
          id={REFERRAL_IDS.preferredMunicipalityIds}
          columns
          legend={t('field.preferredMunicipalities')}
          description={t('field.preferredMunicipalitiesHelp')}
          options={municipalityOptions}
          values={values.preferredMunicipalityIds}
          onChange={set('preferredMunicipalityIds')}
          optional
          error={err('preferredMunicipalityIds')}
        />
        <CheckboxGroup
          id={REFERRAL_IDS.excludedMunicipalityIds}
          columns
          legend={t('field.excludedMunicipalities')}
          description={t('field.excludedMunicipalitiesHelp')}
          options={municipalityOptions}
          values={values.excludedMunicipalityIds}
          onChange={(next) => {
            set('excludedMunicipalityIds')(next);
            clear('preferredMunicipalityIds');
          }}
          optional
          error={err('excludedMunicipalityIds')}
        />
        <CheckboxGroup
          id={REFERRAL_IDS.needs}
          legend={t('field.needs')}
          options={needOptions(t)}
          values={values.needs}
          onChange={set('needs')}
          optional
          error={err('needs')}
        />
        <CheckboxField
          id={REFERRAL_IDS.protectedAddress}
          label={t('field.protectedAddress')}
          description={t('field.protectedAddressHelp')}
          checked={values.protectedAddress}
          onChange={set('protectedAddress')}
          error={err('protectedAddress')}
        />
        <TextField
          id={REFERRAL_IDS.waitingListRegisteredOn}
          type="date"
          label={t('field.waitingListRegisteredOn')}
          description={t('field.waitingListRegisteredOnHelp')}
          value={values.waitingListRegisteredOn}
          onChange={set('waitingListRegisteredOn')}
          optional
          error={err('waitingListRegisteredOn')}
        />
        <SelectField
          id={REFERRAL_IDS.providerId}
          label={t('field.guidingProvider')}
          description={t('field.guidingProviderHelp')}
          value={values.providerId}
          onChange={set('providerId')}
          options={byName(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          emptyLabel={t('referral.noProvider')}
          optional
          error={err('providerId')}
        />
      </FormSection>

      <FormSection id="referral-consent" title={t('referral.sectionConsent')}>
        <Paragraph>{t('referral.consentIntro')}</Paragraph>
        <TextField
          id={REFERRAL_IDS.consentGivenOn}
          type="date"
          label={t('field.consentGivenOn')}
          value={values.consentGivenOn}
          onChange={(value) => {
            set('consentGivenOn')(value);
            clear('consentScope');
          }}
          optional
          error={err('consentGivenOn')}
        />
        <CheckboxGroup
          id={REFERRAL_IDS.consentScope}
          legend={t('field.consentScope')}
          description={t('field.consentScopeHelp')}
          options={consentScopeOptions(t)}
          values={values.consentScope}
          onChange={(next) => {
            set('consentScope')(next);
            clear('consentGivenOn');
          }}
          optional
          error={err('consentScope')}
        />
      </FormSection>

      <FormSection id="referral-eligibility" title={t('referral.sectionEligibility')}>
        <TextField
          id={REFERRAL_IDS['referral.referredOn']}
          type="date"
          label={t('field.referredOn')}
          value={values.referredOn}
          onChange={set('referredOn')}
          required
          error={err('referral.referredOn')}
        />
        <RadioGroup
          id={REFERRAL_IDS['referral.homelessness']}
          legend={t('field.homelessness')}
          options={homelessnessOptions(t)}
          value={values.homelessness}
          onChange={set('homelessness')}
          required
          error={err('referral.homelessness')}
        />
        <RadioGroup
          id={REFERRAL_IDS['referral.expectedIndependent']}
          legend={t('field.expectedIndependent')}
          description={t('field.expectedIndependentHelp')}
          options={yesNoOptions(t)}
          value={values.expectedIndependent}
          onChange={set('expectedIndependent')}
          required
          inline
          error={err('referral.expectedIndependent')}
        />
        {values.homelessness === 'no' || values.expectedIndependent === 'no' ? (
          <Alert type="warning">
            <p className="utrecht-paragraph">{t('referral.notEligibleHint')}</p>
          </Alert>
        ) : null}
        <TextareaField
          id={REFERRAL_IDS['referral.motivation']}
          label={t('field.motivation')}
          description={t('field.motivationHelp')}
          value={values.motivation}
          onChange={set('motivation')}
          rows={4}
          error={err('referral.motivation')}
        />
        <TextareaField
          id={REFERRAL_IDS['referral.notes']}
          label={t('field.referralNotes')}
          description={t('field.referralNotesHelp')}
          value={values.notes}
          onChange={set('notes')}
          optional
          rows={3}
          error={err('referral.notes')}
        />
      </FormSection>

      {duplicates ? (
        <DuplicatePanel
          ref={duplicatesRef}
          matches={duplicates}
          busy={create.isPending}
          onContinue={() => send(true)}
          onStop={() => {
            setDuplicates(null);
            focusField(REFERRAL_IDS.givenName);
          }}
        />
      ) : null}

      {savedNotice ? (
        <Alert type="ok" role="status" id="referral-draft-saved">
          <p className="utrecht-paragraph">{t('referral.draftSaved')}</p>
        </Alert>
      ) : null}
      {draftConflict ? (
        <Alert type="warning" role="alert" title={t('referral.draftConflictTitle')}>
          <p className="utrecht-paragraph">{t('referral.draftConflict')}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={draftProblem} />

      {duplicates ? null : (
        <ButtonGroup>
          <Button id="referral-submit" type="submit" appearance="primary" busy={busy} disabled={busy || saveDraft.isPending}>
            {check.isPending ? t('referral.checking') : create.isPending ? t('referral.sending') : t('referral.submit')}
          </Button>
          <Button
            id="referral-save-draft"
            appearance="secondary"
            busy={saveDraft.isPending}
            disabled={busy || saveDraft.isPending}
            onClick={onSaveDraft}
          >
            {saveDraft.isPending ? t('common.saving') : t('referral.saveDraft')}
          </Button>
          <ButtonLink to={PARTICIPANTS_PATH} appearance="subtle">
            {t('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      )}
    </form>
  );
}

interface DuplicatePanelProps {
  matches: DuplicateMatch[];
  busy: boolean;
  onContinue: () => void;
  onStop: () => void;
  ref?: Ref<HTMLDivElement>;
}

/** "Is this person already known?": the matches, and the choice to go on (not for a BSN match) or stop. */
function DuplicatePanel({ matches, busy, onContinue, onStop, ref }: DuplicatePanelProps) {
  const t = useT();
  const byBsn = matches.some((m) => m.matchedOn.includes('bsn'));
  return (
    <div ref={ref} tabIndex={-1} className="eh-confirm" id="referral-duplicates" role="group" aria-labelledby="referral-duplicates-title">
      <Alert type="warning">
        <p className="utrecht-paragraph eh-alert__title" id="referral-duplicates-title">
          {t('duplicates.title')}
        </p>
        <p className="utrecht-paragraph">{byBsn ? t('duplicates.byBsn') : t('duplicates.byName')}</p>
        <ul className="eh-plain-list" id="referral-duplicates-list">
          {matches.map((match, index) => (
            <li key={match.participant?.id ?? `hidden-${index}`}>
              {match.participant ? (
                <>
                  <AppLink to={participantPath(match.participant.code)} className="eh-code">
                    {match.participant.code}
                  </AppLink>{' '}
                  <PhaseBadge phase={match.participant.phase} />
                </>
              ) : (
                t('duplicates.notVisible')
              )}{' '}
              — {match.matchedOn.map((on) => t(`duplicates.on.${on}`)).join(', ')}
            </li>
          ))}
        </ul>
        <ButtonGroup>
          {byBsn ? null : (
            <Button id="referral-continue" appearance="primary" busy={busy} disabled={busy} onClick={onContinue}>
              {busy ? t('referral.sending') : t('duplicates.continue')}
            </Button>
          )}
          <Button id="referral-stop" appearance="secondary" disabled={busy} onClick={onStop}>
            {t('duplicates.stop')}
          </Button>
        </ButtonGroup>
      </Alert>
    </div>
  );
}

