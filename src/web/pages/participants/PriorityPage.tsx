import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { usePrioritySettings, useSavePrioritySettings } from '../../api/hooks';
import {
  CURRENT_PLACES,
  PRIORITY_CRITERIA,
  TARGET_GROUPS,
  type CurrentPlace,
  type PriorityCriterion,
  type PrioritySettings,
  type Programme,
  type TargetGroup,
} from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { DataList, type DataItem } from '../../components/DataList';
import { describedBy, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { optional, usePathErrors } from '../../formErrors';
import { useBilingual, useFormat, useT } from '../../i18n';
import { PARTICIPANTS_PATH } from '../../paths';
import { OrderList } from './OrderList';

/**
 * /deelnemers/prioritering: the rules that order the by-name list (docs/priority.md), per
 * programme and versioned. Everyone who sees the list may read them; the programme office
 * (`abilities.edit`) saves a new version on the one it read (`baseVersion`).
 * Ids: `priority-version`, `priority-rules`, `priority-criteria` (items `-{criterion}`, buttons
 * `-{criterion}-up|down`), checkboxes `priority-criterion-{criterion}`, `priority-target-groups`,
 * `priority-current-places`, `priority-note`, `priority-save`, `priority-saved`, `priority-conflict`.
 */
export function PriorityPage() {
  const t = useT();
  usePageTitle(t('priority.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={PARTICIPANTS_PATH}>{t('participant.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('priority.title')}</Heading>
      <Paragraph>{t('priority.intro')}</Paragraph>
      <ProgrammeGate>{(programme) => <PriorityView key={programme.id} programme={programme} />}</ProgrammeGate>
    </>
  );
}

type Notice = { kind: 'saved' | 'reloaded'; version: number };

function PriorityView({ programme }: { programme: Programme }) {
  const t = useT();
  const settings = usePrioritySettings(programme.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;

  const reload = async () => {
    const out = await settings.refetch();
    if (out.data) setNotice({ kind: 'reloaded', version: out.data.version });
  };

  return (
    <>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          {notice.kind === 'saved' ? (
            <Alert type="ok" role="status" id="priority-saved">
              <p className="utrecht-paragraph">{t('priority.saved', { version: notice.version })}</p>
              <p className="utrecht-paragraph">
                {t('priority.savedList')}{' '}
                <AppLink to={PARTICIPANTS_PATH} id="priority-to-list">
                  {t('priority.toList')}
                </AppLink>
              </p>
            </Alert>
          ) : (
            <Alert type="info" role="status" id="priority-reloaded">
              <p className="utrecht-paragraph">{t('priority.reloaded', { version: notice.version })}</p>
            </Alert>
          )}
        </div>
      ) : null}
      <CurrentRules settings={s} programme={programme} />
      {s.abilities.edit ? (
        <PriorityEditor
          key={s.version}
          settings={s}
          programmeId={programme.id}
          onSaved={(out) => setNotice({ kind: 'saved', version: out.version })}
          onReload={() => void reload()}
        />
      ) : (
        <Alert type="info" id="priority-read-only">
          <p className="utrecht-paragraph">{t('priority.readOnly')}</p>
        </Alert>
      )}
    </>
  );
}

/** Items not in a stored order come last (the server treats them alike); shown apart. */
function unlisted<T extends string>(all: readonly T[], listed: readonly T[]): T[] {
  return all.filter((value) => !listed.includes(value));
}

/** The rules in force: version, who and when, every step in plain words, and the two orders. */
function CurrentRules({ settings: s, programme }: { settings: PrioritySettings; programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const pick = useBilingual();
  const unused = unlisted(PRIORITY_CRITERIA, s.criteria);

  const facts: DataItem[] = [
    { key: 'programme', label: t('priority.programme'), value: programme.name },
    {
      key: 'version',
      label: t('priority.version'),
      value: <span id="priority-version">{s.isDefault ? t('priority.defaultVersion') : t('priority.versionValue', { version: s.version })}</span>,
    },
  ];
  if (s.createdAt) facts.push({ key: 'setOn', label: t('priority.setOn'), value: format.dateTime(s.createdAt) });
  if (s.createdBy) facts.push({ key: 'setBy', label: t('priority.setBy'), value: s.createdBy.name });
  if (s.note) facts.push({ key: 'note', label: t('priority.note'), value: <span className="eh-prewrap" id="priority-current-note">{s.note}</span> });

  return (
    <section className="eh-section" aria-labelledby="priority-current-heading" id="priority-current">
      <Heading level={2} id="priority-current-heading">
        {t('priority.currentHeading')}
      </Heading>
      <DataList items={facts} />
      <Paragraph small className="eh-muted">
        {t('priority.versionsKept')}
      </Paragraph>

      <Heading level={3} id="priority-rules-heading" className="eh-spaced-heading">
        {t('priority.orderHeading')}
      </Heading>
      <ol className="eh-rules" id="priority-rules" aria-labelledby="priority-rules-heading">
        <li className="eh-rules__item" data-rule="waiting_before_housed">
          <p className="utrecht-paragraph eh-rules__name">
            {t('priority.alwaysFirst')} <span className="eh-tag">{t('priority.fixed')}</span>
          </p>
          <p className="utrecht-paragraph">{t('priority.alwaysFirstText')}</p>
        </li>
        {s.criteria.map((c) => (
          <li key={c} className="eh-rules__item" data-rule={c}>
            <p className="utrecht-paragraph eh-rules__name">{t(`priority.criterion.${c}`)}</p>
            <p className="utrecht-paragraph">{t(`priority.criterionHelp.${c}`)}</p>
          </li>
        ))}
        <li className="eh-rules__item" data-rule="tie_breaker">
          <p className="utrecht-paragraph eh-rules__name">
            {t('priority.tieBreaker')} <span className="eh-tag">{t('priority.fixed')}</span>
          </p>
          <p className="utrecht-paragraph">{t('priority.tieBreakerText')}</p>
        </li>
      </ol>
      {unused.length ? (
        <Paragraph id="priority-unused">
          {t('priority.unusedNow', { list: unused.map((c) => t(`priority.criterion.${c}`)).join(', ') })}
        </Paragraph>
      ) : null}
      <Paragraph>{t('priority.never')}</Paragraph>
      <Paragraph id="priority-description">
        <strong>{t('priority.summary')}</strong> {pick(s.description)}
      </Paragraph>

      <div className="eh-columns">
        <div>
          <Heading level={3} id="priority-target-groups-current-heading" className="eh-spaced-heading">
            {t('priority.targetGroupOrder')}
          </Heading>
          {s.criteria.includes('target_group') ? null : (
            <Paragraph small>{t('priority.orderOnlyWhen', { criterion: t('priority.criterion.target_group') })}</Paragraph>
          )}
          <ol className="eh-plain-list" aria-labelledby="priority-target-groups-current-heading" id="priority-target-groups-current">
            {s.targetGroupOrder.map((g) => (
              <li key={g}>{t(`targetGroup.${g}`)}</li>
            ))}
          </ol>
          {unlisted(TARGET_GROUPS, s.targetGroupOrder).length ? (
            <Paragraph small>
              {t('priority.unlisted', { list: unlisted(TARGET_GROUPS, s.targetGroupOrder).map((g) => t(`targetGroup.${g}`)).join(', ') })}
            </Paragraph>
          ) : null}
        </div>
        <div>
          <Heading level={3} id="priority-current-places-current-heading" className="eh-spaced-heading">
            {t('priority.currentPlaceOrder')}
          </Heading>
          {s.criteria.includes('current_place') ? null : (
            <Paragraph small>{t('priority.orderOnlyWhen', { criterion: t('priority.criterion.current_place') })}</Paragraph>
          )}
          <ol className="eh-plain-list" aria-labelledby="priority-current-places-current-heading" id="priority-current-places-current">
            {s.currentPlaceOrder.map((p) => (
              <li key={p}>{t(`currentPlace.${p}`)}</li>
            ))}
          </ol>
          {unlisted(CURRENT_PLACES, s.currentPlaceOrder).length ? (
            <Paragraph small>
              {t('priority.unlisted', { list: unlisted(CURRENT_PLACES, s.currentPlaceOrder).map((p) => t(`currentPlace.${p}`)).join(', ') })}
            </Paragraph>
          ) : null}
        </div>
      </div>
    </section>
  );
}

const same = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The stored order with anything it leaves out appended (the editor always sends a complete order). */
const complete = <T extends string>(listed: readonly T[], all: readonly T[]): T[] => [...listed, ...unlisted(all, listed)];

/** The office's form: a new version of the rules, made on the version it shows. */
function PriorityEditor({
  settings,
  programmeId,
  onSaved,
  onReload,
}: {
  settings: PrioritySettings;
  programmeId: string;
  onSaved: (out: PrioritySettings) => void;
  onReload: () => void;
}) {
  const t = useT();
  const save = useSavePrioritySettings(programmeId);
  const problem = useProblem(save.error);
  const { errorOf, general, validate, clear, setError } = usePathErrors(problem);
  const [criteria, setCriteria] = useState<PriorityCriterion[]>(settings.criteria);
  const [targetGroups, setTargetGroups] = useState<TargetGroup[]>(() => complete(settings.targetGroupOrder, TARGET_GROUPS));
  const [places, setPlaces] = useState<CurrentPlace[]>(() => complete(settings.currentPlaceOrder, CURRENT_PLACES));
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const conflictRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);

  // A criterion switched on or off moves to the other list: keep the focus on its checkbox.
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [criteria]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const unused = unlisted(PRIORITY_CRITERIA, criteria);
  const changed =
    !same(criteria, settings.criteria) ||
    !same(targetGroups, complete(settings.targetGroupOrder, TARGET_GROUPS)) ||
    !same(places, complete(settings.currentPlaceOrder, CURRENT_PLACES));
  const criterionLabel = (c: PriorityCriterion) => t(`priority.criterion.${c}`);

  const toggle = (c: PriorityCriterion, on: boolean) => {
    clear('unchanged');
    if (on) {
      const next = [...criteria, c];
      pendingFocus.current = `priority-criterion-${c}`;
      setCriteria(next);
      clear('criteria');
      setAnnouncement(t('priority.included', { label: criterionLabel(c), position: next.length }));
      return;
    }
    if (criteria.length === 1) {
      setError('criteria', t('priority.minOne'));
      return;
    }
    pendingFocus.current = `priority-criterion-${c}`;
    setCriteria(criteria.filter((x) => x !== c));
    setAnnouncement(t('priority.excluded', { label: criterionLabel(c) }));
  };

  const reset = () => {
    setCriteria(settings.criteria);
    setTargetGroups(complete(settings.targetGroupOrder, TARGET_GROUPS));
    setPlaces(complete(settings.currentPlaceOrder, CURRENT_PLACES));
    setNote('');
    clear('criteria');
    clear('unchanged');
    save.reset();
    setAnnouncement(t('priority.resetDone'));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const valid = validate(
      {
        criteria: criteria.length === 0 && t('priority.minOne'),
        unchanged: !changed && !note.trim() && t('priority.unchanged'),
      },
      { criteria: 'priority-criteria-fieldset', unchanged: 'priority-note' },
    );
    if (!valid) return;
    // mutateAsync, not mutate's callbacks: the saved version replaces this form (its key) before they would run.
    save
      .mutateAsync({ criteria, targetGroupOrder: targetGroups, currentPlaceOrder: places, baseVersion: settings.version, note: optional(note) })
      .then(onSaved, (error: unknown) => {
        if (isApiError(error) && error.code === 'version_conflict') {
          save.reset();
          setConflict(true);
        }
      });
  };

  const criteriaError = errorOf('criteria') ?? null;
  const checkbox = (c: PriorityCriterion, checked: boolean) => (
    <>
      <div className="eh-checkbox">
        <input
          type="checkbox"
          id={`priority-criterion-${c}`}
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={checked}
          onChange={(event) => toggle(c, event.target.checked)}
          aria-describedby={`priority-criterion-${c}-help`}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox eh-order__label" htmlFor={`priority-criterion-${c}`}>
          {criterionLabel(c)}
        </label>
      </div>
      <p className="utrecht-paragraph eh-order__help" id={`priority-criterion-${c}-help`}>
        {t(`priority.criterionHelp.${c}`)}
      </p>
    </>
  );

  return (
    <section className="eh-section eh-panel" aria-labelledby="priority-edit-heading" id="priority-edit">
      <Heading level={2} id="priority-edit-heading">
        {t('priority.editHeading')}
      </Heading>
      <Paragraph>{t('priority.editIntro', { version: settings.version })}</Paragraph>
      <p className="eh-visually-hidden" role="status" id="priority-announcement">
        {announcement}
      </p>
      <div ref={conflictRef} tabIndex={-1}>
        {conflict ? (
          <Alert type="warning" role="alert" title={t('priority.conflictTitle')} id="priority-conflict">
            <p className="utrecht-paragraph">{t('priority.conflict')}</p>
            <Button id="priority-reload" appearance="secondary" onClick={onReload}>
              {t('priority.reload')}
            </Button>
          </Alert>
        ) : null}
      </div>
      <form className="eh-form eh-form--wide" noValidate onSubmit={onSubmit} id="priority-form">
        <ProblemAlert problem={problem} id="priority-problem" />
        {general ? <p className="utrecht-paragraph eh-field-error">{general}</p> : null}

        <fieldset
          id="priority-criteria-fieldset"
          className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset eh-fieldset${criteriaError ? ' utrecht-form-fieldset--invalid utrecht-form-field--invalid' : ''}`}
          aria-describedby={describedBy('priority-criteria-fieldset', true, criteriaError)}
          aria-invalid={criteriaError ? true : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('priority.criteriaLegend')}</legend>
          <div className="utrecht-form-field-description" id="priority-criteria-fieldset-description">
            {t('priority.criteriaHelp')}
          </div>
          {criteriaError ? (
            <div className="utrecht-form-field-error-message eh-field-error" id="priority-criteria-fieldset-error">
              {criteriaError}
            </div>
          ) : null}
          <p className="utrecht-paragraph eh-order__caption" id="priority-criteria-used">
            {t('priority.used')}
          </p>
          <p className="utrecht-paragraph eh-order__fixed">{t('priority.alwaysFirstShort')}</p>
          <OrderList
            id="priority-criteria"
            values={criteria}
            labelOf={criterionLabel}
            onChange={(next) => {
              setCriteria(next);
              clear('unchanged');
            }}
            announce={setAnnouncement}
            labelledBy="priority-criteria-used"
            renderItem={(c) => checkbox(c, true)}
          />
          <p className="utrecht-paragraph eh-order__fixed">{t('priority.tieBreakerShort')}</p>
          {unused.length ? (
            <>
              <p className="utrecht-paragraph eh-order__caption" id="priority-criteria-unused">
                {t('priority.unused')}
              </p>
              <ul className="eh-order eh-order--unused" aria-labelledby="priority-criteria-unused" id="priority-criteria-unused-list">
                {unused.map((c) => (
                  <li key={c} className="eh-order__item" data-value={c}>
                    <div className="eh-order__content">{checkbox(c, false)}</div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset eh-fieldset" aria-describedby="priority-target-groups-description">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id="priority-target-groups-legend">
            {t('priority.targetGroupOrder')}
          </legend>
          <div className="utrecht-form-field-description" id="priority-target-groups-description">
            {t('priority.targetGroupOrderHelp')}{' '}
            {criteria.includes('target_group') ? null : t('priority.orderOnlyWhen', { criterion: criterionLabel('target_group') })}
          </div>
          <OrderList
            id="priority-target-groups"
            values={targetGroups}
            labelOf={(g) => t(`targetGroup.${g}`)}
            onChange={(next) => {
              setTargetGroups(next);
              clear('unchanged');
            }}
            announce={setAnnouncement}
            labelledBy="priority-target-groups-legend"
          />
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset eh-fieldset" aria-describedby="priority-current-places-description">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id="priority-current-places-legend">
            {t('priority.currentPlaceOrder')}
          </legend>
          <div className="utrecht-form-field-description" id="priority-current-places-description">
            {t('priority.currentPlaceOrderHelp')}{' '}
            {criteria.includes('current_place') ? null : t('priority.orderOnlyWhen', { criterion: criterionLabel('current_place') })}
          </div>
          <OrderList
            id="priority-current-places"
            values={places}
            labelOf={(p) => t(`currentPlace.${p}`)}
            onChange={(next) => {
              setPlaces(next);
              clear('unchanged');
            }}
            announce={setAnnouncement}
            labelledBy="priority-current-places-legend"
          />
        </fieldset>

        <TextareaField
          id="priority-note"
          label={t('priority.noteLabel')}
          description={t('priority.noteHelp')}
          value={note}
          onChange={(value) => {
            setNote(value);
            clear('unchanged');
          }}
          optional
          error={errorOf('unchanged') ?? errorOf('note')}
        />
        <ButtonGroup>
          <Button id="priority-save" type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('priority.save')}
          </Button>
          <Button id="priority-reset" appearance="subtle" onClick={reset} disabled={save.isPending}>
            {t('priority.reset')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
