import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useConsult, useOrganisations, useReReferParticipant } from '../../api/hooks';
import { HOMELESSNESS, type ParticipantDetail } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RadioGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Reveal } from '../../components/Reveal';
import { ProblemAlert, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useT } from '../../i18n';
import { byName, homelessnessOptions, oneOf, yesNoOptions } from '../../options';

/** The actions besides phases and assessments that the answer's `abilities` allow: refer again, consult a provider. */
export function MoreActions({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  if (!detail.abilities.refer && !detail.abilities.consult) return null;
  return (
    <section className="eh-section" aria-labelledby="more-actions-heading" id="more-actions">
      <Heading level={2} id="more-actions-heading">
        {t('moreActions.title')}
      </Heading>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Alert type="ok" role="status" id="more-actions-notice">
            <p className="utrecht-paragraph">{notice}</p>
          </Alert>
        </div>
      ) : null}
      {detail.abilities.refer ? (
        <Reveal id="rereferral-panel" label={t('rereferral.title')}>
          <ReReferralForm detail={detail} onDone={() => setNotice(t('rereferral.done', { code: detail.code }))} />
        </Reveal>
      ) : null}
      {detail.abilities.consult ? (
        <Reveal id="consult-panel" label={t('consult.title')}>
          <ConsultForm detail={detail} onDone={(name) => setNotice(t('consult.done', { organisation: name }))} />
        </Reveal>
      ) : null}
    </section>
  );
}

const RE_IDS = {
  referredOn: 'rereferral-referred-on',
  homelessness: 'rereferral-homelessness',
  expectedIndependent: 'rereferral-expected-independent',
  motivation: 'rereferral-motivation',
  notes: 'rereferral-notes',
};

/** POST …/referrals: the eligibility questions again; the record goes back to `referred` and the waiting time restarts. */
function ReReferralForm({ detail, onDone }: { detail: ParticipantDetail; onDone: () => void }) {
  const t = useT();
  const refer = useReReferParticipant(detail.id);
  const problem = useProblem(refer.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const [referredOn, setReferredOn] = useState(todayIso());
  const [homelessness, setHomelessness] = useState('');
  const [independent, setIndependent] = useState('');
  const [motivation, setMotivation] = useState('');
  const [notes, setNotes] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = validate(
      {
        referredOn:
          (!referredOn && t('validation.required')) ||
          (!isIsoDate(referredOn) && t('validation.date')) ||
          (referredOn > todayIso() && t('validation.future')),
        homelessness: !homelessness && t('validation.choose'),
        expectedIndependent: !independent && t('validation.choose'),
        motivation: (!motivation.trim() && t('validation.required')) || (motivation.trim().length < 10 && t('referral.motivationShort')),
      },
      RE_IDS,
    );
    const answer = oneOf(HOMELESSNESS, homelessness);
    if (!valid || !answer) return;
    refer.mutate(
      { referredOn, homelessness: answer, expectedIndependent: independent === 'yes', motivation: motivation.trim(), notes: optional(notes) },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} aria-labelledby="rereferral-heading" id="rereferral-form">
      <Heading level={3} id="rereferral-heading">
        {t('rereferral.title')}
      </Heading>
      <Paragraph>{t('rereferral.intro')}</Paragraph>
      <ProblemAlert problem={problem} />
      <TextField
        id={RE_IDS.referredOn}
        type="date"
        label={t('field.referredOn')}
        value={referredOn}
        onChange={(v) => {
          setReferredOn(v);
          clear('referredOn');
        }}
        required
        error={errorOf('referredOn')}
      />
      <RadioGroup
        id={RE_IDS.homelessness}
        legend={t('field.homelessness')}
        options={homelessnessOptions(t)}
        value={homelessness}
        onChange={(v) => {
          setHomelessness(v);
          clear('homelessness');
        }}
        required
        error={errorOf('homelessness')}
      />
      <RadioGroup
        id={RE_IDS.expectedIndependent}
        legend={t('field.expectedIndependent')}
        options={yesNoOptions(t)}
        value={independent}
        onChange={(v) => {
          setIndependent(v);
          clear('expectedIndependent');
        }}
        required
        inline
        error={errorOf('expectedIndependent')}
      />
      <TextareaField
        id={RE_IDS.motivation}
        label={t('field.motivation')}
        description={t('field.motivationHelp')}
        value={motivation}
        onChange={(v) => {
          setMotivation(v);
          clear('motivation');
        }}
        error={errorOf('motivation')}
      />
      <TextareaField id={RE_IDS.notes} label={t('field.referralNotes')} value={notes} onChange={setNotes} optional error={errorOf('notes')} />
      <Button id="rereferral-submit" type="submit" appearance="primary" busy={refer.isPending} disabled={refer.isPending}>
        {refer.isPending ? t('referral.sending') : t('rereferral.submit')}
      </Button>
    </form>
  );
}

/** POST …/consultations: the office asks a care provider to think along (e.g. about an intake home). */
function ConsultForm({ detail, onDone }: { detail: ParticipantDetail; onDone: (organisation: string) => void }) {
  const t = useT();
  const consult = useConsult(detail.id);
  const problem = useProblem(consult.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const providers = useOrganisations('care_provider');
  const [organisationId, setOrganisationId] = useState('');
  const [note, setNote] = useState('');
  const involved = new Set(detail.organisations.map((o) => o.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!validate({ organisationId: !organisationId && t('validation.choose') }, { organisationId: 'consult-organisation' })) return;
    const name = providers.data?.find((o) => o.id === organisationId)?.name ?? '';
    consult.mutate(
      { organisationId, note: optional(note) },
      {
        onSuccess: () => {
          setOrganisationId('');
          setNote('');
          onDone(name);
        },
      },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} aria-labelledby="consult-heading" id="consult-form">
      <Heading level={3} id="consult-heading">
        {t('consult.title')}
      </Heading>
      <Paragraph>{t('consult.intro')}</Paragraph>
      <ProblemAlert problem={problem} />
      <SelectField
        id="consult-organisation"
        label={t('field.provider')}
        value={organisationId}
        onChange={(v) => {
          setOrganisationId(v);
          clear('organisationId');
        }}
        options={byName(providers.data ?? []).map((o) => ({
          value: o.id,
          label: involved.has(o.id) ? `${o.name} (${t('consult.involved')})` : o.name,
        }))}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('organisationId')}
      />
      <TextareaField id="consult-note" label={t('field.note')} value={note} onChange={setNote} optional error={errorOf('note')} />
      <Button id="consult-submit" type="submit" appearance="primary" busy={consult.isPending} disabled={consult.isPending}>
        {consult.isPending ? t('common.saving') : t('consult.submit')}
      </Button>
    </form>
  );
}
