import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMunicipalities, useRecordRiskScreening } from '../../api/hooks';
import { RISK_LEVELS, type ParticipantDetail, type RiskScreening } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { CheckboxGroup, RadioGroup, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Reveal } from '../../components/Reveal';
import { Empty, ProblemAlert, useProblem } from '../../components/States';
import { isIsoDate, todayIso } from '../../dates';
import { optional, usePathErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { byName, oneOf, riskLevelOptions } from '../../options';

const IDS = {
  screenedOn: 'risk-screened-on',
  riskLevel: 'risk-level',
  excludedMunicipalityIds: 'risk-excluded-municipalities',
  excludedAreas: 'risk-excluded-areas',
  notes: 'risk-notes',
};

/** Risk screenings (domestic-violence cases): the results, and the form for those who may screen. */
export function RiskScreeningSection({ detail }: { detail: ParticipantDetail }) {
  const t = useT();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (detail.riskScreenings.length === 0 && !detail.abilities.screenRisk) return null;
  return (
    <section className="eh-section" aria-labelledby="risk-heading" id="risk-screenings">
      <Heading level={2} id="risk-heading">
        {t('risk.title')}
      </Heading>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok" role="status" id="risk-recorded">
            <p className="utrecht-paragraph">{t('risk.recorded')}</p>
          </Alert>
        </div>
      ) : null}
      {detail.riskScreenings.length === 0 ? <Empty>{t('risk.empty')}</Empty> : null}
      {[...detail.riskScreenings].reverse().map((s) => (
        <ScreeningCard key={s.id} screening={s} />
      ))}
      {detail.abilities.screenRisk ? (
        <Reveal id="risk-panel" label={t('risk.formTitle')} initiallyOpen={detail.riskScreenings.length === 0}>
          <RiskScreeningForm detail={detail} onDone={() => setDone(true)} />
        </Reveal>
      ) : null}
    </section>
  );
}

function ScreeningCard({ screening: s }: { screening: RiskScreening }) {
  const t = useT();
  const format = useFormat();
  return (
    <article className="eh-card" aria-labelledby={`risk-${s.id}-title`}>
      <Heading level={3} id={`risk-${s.id}-title`} className="eh-card__title">
        {t('risk.cardTitle', { date: format.date(s.screenedOn) })}
      </Heading>
      <DataList
        items={[
          { key: 'level', label: t('risk.level'), value: t(`riskLevel.${s.riskLevel}`) },
          { key: 'organisation', label: t('field.organisation'), value: s.organisation.name },
          {
            key: 'municipalities',
            label: t('field.excludedMunicipalities'),
            value: s.excludedMunicipalities.length ? s.excludedMunicipalities.map((m) => m.name).join(', ') : t('common.none'),
          },
          {
            key: 'areas',
            label: t('risk.excludedAreas'),
            value: s.excludedAreas.length ? s.excludedAreas.join(', ') : t('common.none'),
          },
        ]}
      />
      {s.notes ? (
        <div className="eh-card__text">
          <p className="utrecht-paragraph eh-card__label">{t('risk.notes')}</p>
          <p className="utrecht-paragraph eh-prewrap">{s.notes}</p>
        </div>
      ) : null}
    </article>
  );
}

function RiskScreeningForm({ detail, onDone }: { detail: ParticipantDetail; onDone: () => void }) {
  const t = useT();
  const record = useRecordRiskScreening(detail.id);
  const problem = useProblem(record.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const municipalities = useMunicipalities();
  const [screenedOn, setScreenedOn] = useState(todayIso());
  const [riskLevel, setRiskLevel] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [areas, setAreas] = useState('');
  const [notes, setNotes] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = validate(
      {
        screenedOn:
          (!screenedOn && t('validation.required')) ||
          (!isIsoDate(screenedOn) && t('validation.date')) ||
          (screenedOn > todayIso() && t('validation.future')),
        riskLevel: !riskLevel && t('validation.choose'),
      },
      IDS,
    );
    const level = oneOf(RISK_LEVELS, riskLevel);
    if (!valid || !level) return;
    record.mutate(
      {
        screenedOn,
        riskLevel: level,
        excludedMunicipalityIds: excluded,
        excludedAreas: areas
          .split(/[\n,;]+/)
          .map((a) => a.trim())
          .filter(Boolean),
        notes: optional(notes),
      },
      {
        onSuccess: () => {
          setRiskLevel('');
          setExcluded([]);
          setAreas('');
          setNotes('');
          onDone();
        },
      },
    );
  };

  return (
    <form className="eh-form eh-panel" noValidate onSubmit={onSubmit} aria-labelledby="risk-form-heading" id="risk-form">
      <Heading level={3} id="risk-form-heading">
        {t('risk.formTitle')}
      </Heading>
      <Paragraph>{t('risk.formIntro')}</Paragraph>
      <ProblemAlert problem={problem} />
      <TextField
        id={IDS.screenedOn}
        type="date"
        label={t('risk.screenedOn')}
        value={screenedOn}
        onChange={(v) => {
          setScreenedOn(v);
          clear('screenedOn');
        }}
        required
        error={errorOf('screenedOn')}
      />
      <RadioGroup
        id={IDS.riskLevel}
        legend={t('risk.level')}
        options={riskLevelOptions(t)}
        value={riskLevel}
        onChange={(v) => {
          setRiskLevel(v);
          clear('riskLevel');
        }}
        required
        inline
        error={errorOf('riskLevel')}
      />
      <CheckboxGroup
        id={IDS.excludedMunicipalityIds}
        columns
        legend={t('field.excludedMunicipalities')}
        description={t('risk.excludedHelp')}
        options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        values={excluded}
        onChange={setExcluded}
        optional
        error={errorOf('excludedMunicipalityIds')}
      />
      <TextareaField
        id={IDS.excludedAreas}
        label={t('risk.excludedAreas')}
        description={t('risk.excludedAreasHelp')}
        value={areas}
        onChange={setAreas}
        optional
        rows={2}
        error={errorOf('excludedAreas')}
      />
      <TextareaField id={IDS.notes} label={t('risk.notes')} value={notes} onChange={setNotes} optional error={errorOf('notes')} />
      <Button id="risk-submit" type="submit" appearance="primary" busy={record.isPending} disabled={record.isPending}>
        {record.isPending ? t('common.saving') : t('risk.submit')}
      </Button>
    </form>
  );
}
