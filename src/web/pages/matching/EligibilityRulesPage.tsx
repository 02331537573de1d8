import { useState, type FormEvent } from 'react';
import { useAllLocations, useAllUnits } from '../../api/hooks';
import {
  RULE_INDICATIONS,
  RULE_KINDS,
  RULE_LEVEL_ORDER,
  RULE_RISK_LEVELS,
  RULE_TARGET_GROUPS,
  useCreateRule,
  useEligibilityRules,
  useRemoveRule,
  type EligibilityRule,
  type EligibilityRuleKind,
  type RuleLevel,
  type RuleParams,
} from '../../api/matchingExtra';
import type { Programme } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useI18n, useT, type Translate } from '../../i18n';
import { useCurrentUser } from '../../session';
import { matchingAccess, OFFERS_PATH } from './access';
import './matching.css';

/**
 * /matching/regels: the eligibility rules of the programme, its locations and its homes
 * (GET /api/v1/eligibility-rules), by level; the programme office adds one (POST) and removes one
 * (DELETE; the server keeps it marked removed). Everyone with offers reads them.
 * Ids: `rules-new` (disclosure button), `rule-form` with `rule-level` (`-programme`, `-location`,
 * `-unit`), `rule-location`, `rule-unit`, `rule-kind`, `rule-maxPersonsPerRoom`, `rule-maxPersons`,
 * `rule-allowed`, `rule-indications`, `rule-maxRiskLevel`, `rule-note`, `rule-submit`;
 * `rule-added`; `rules-{level}-table` (rows `data-kind`), `rule-remove-{id}`, dialog `rule-remove-dialog-{level}`.
 */
export function EligibilityRulesPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('eligibilityRules.title'));
  if (!matchingAccess.offers(me)) {
    return (
      <>
        <Heading level={1}>{t('eligibilityRules.title')}</Heading>
        <Alert type="info" id="rules-no-access">
          <p className="utrecht-paragraph">{t('eligibilityRules.noAccess')}</p>
        </Alert>
      </>
    );
  }
  return (
    <>
      <p className="eh-back">
        <AppLink to={OFFERS_PATH}>{t('eligibilityRules.backToOffers')}</AppLink>
      </p>
      <ProgrammeGate>{(programme) => <RulesView programme={programme} office={matchingAccess.office(me)} />}</ProgrammeGate>
    </>
  );
}

function RulesView({ programme, office }: { programme: Programme; office: boolean }) {
  const t = useT();
  const [formOpen, setFormOpen] = useState(false);
  const [added, setAdded] = useState(false);
  const locations = useAllLocations({ programmeId: programme.id });
  const units = useAllUnits({ programmeId: programme.id });
  const rules = useEligibilityRules({ programmeId: programme.id });
  const items: EligibilityRule[] = rules.data?.pages.flatMap((p) => p.items) ?? [];
  const locationName = (id: string | null) => locations.data?.find((l) => l.id === id)?.name ?? t('common.empty');
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.label ?? t('common.empty');
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('eligibilityRules.title')}</Heading>
        {office ? (
          <Button id="rules-new" appearance="primary" aria-expanded={formOpen} aria-controls="rule-form-section" onClick={() => setFormOpen((v) => !v)}>
            {t('eligibilityRules.new')}
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('eligibilityRules.intro')}</Paragraph>
      {added ? (
        <Alert type="ok" role="status" id="rule-added">
          <p className="utrecht-paragraph">{t('eligibilityRules.added')}</p>
        </Alert>
      ) : null}
      {office && formOpen ? (
        <section id="rule-form-section" className="eh-section" aria-labelledby="rule-form-heading">
          <Heading level={2} id="rule-form-heading">
            {t('eligibilityRules.new')}
          </Heading>
          {locations.isPending || units.isPending ? (
            <Loading />
          ) : locations.isError ? (
            <QueryError error={locations.error} onRetry={() => void locations.refetch()} />
          ) : units.isError ? (
            <QueryError error={units.error} onRetry={() => void units.refetch()} />
          ) : (
            <NewRuleForm
              programme={programme}
              locations={locations.data.map((l) => ({ value: l.id, label: l.name }))}
              units={units.data.map((u) => ({ value: u.id, label: u.location ? `${u.label} — ${u.location}` : u.label }))}
              onDone={() => {
                setFormOpen(false);
                setAdded(true);
              }}
              onCancel={() => setFormOpen(false)}
            />
          )}
        </section>
      ) : null}
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <>
          {RULE_LEVEL_ORDER.map((level) => (
            <RuleSection
              key={level}
              level={level}
              rules={items.filter((r) => r.level === level)}
              placeOf={(r) => (r.level === 'location' ? locationName(r.locationId) : r.level === 'unit' ? unitName(r.unitId) : programme.name)}
              onRemoved={() => setAdded(false)}
            />
          ))}
          {rules.hasNextPage ? (
            <Button busy={rules.isFetchingNextPage} onClick={() => void rules.fetchNextPage()}>
              {rules.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

/** The parameters of a rule as a short text, e.g. "Doelgroepen: Gezin, Jongvolwassene". */
function paramsText(t: Translate, rule: EligibilityRule): string {
  const p = rule.params as RuleParams;
  const parts: string[] = [];
  if (typeof p.maxPersonsPerRoom === 'number') parts.push(t('eligibilityRules.param.maxPersonsPerRoomValue', { n: p.maxPersonsPerRoom }));
  if (typeof p.maxPersons === 'number') parts.push(t('eligibilityRules.param.maxPersonsValue', { n: p.maxPersons }));
  if (Array.isArray(p.allowed)) parts.push(`${t('eligibilityRules.param.allowed')}: ${p.allowed.map((g) => t(`targetGroup.${g}`)).join(', ')}`);
  if (Array.isArray(p.indications)) parts.push(`${t('eligibilityRules.param.indications')}: ${p.indications.map((i) => t(`indication.${i}`)).join(', ')}`);
  if (p.maxRiskLevel) parts.push(`${t('eligibilityRules.param.maxRiskLevel')}: ${t(`riskLevel.${p.maxRiskLevel}`)}`);
  return parts.length ? parts.join('; ') : t('eligibilityRules.param.none');
}

function RuleSection({ level, rules, placeOf, onRemoved }: { level: RuleLevel; rules: EligibilityRule[]; placeOf: (r: EligibilityRule) => string; onRemoved: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const format = useFormat();
  const remove = useRemoveRule();
  const problem = useProblem(remove.error);
  const [removing, setRemoving] = useState<EligibilityRule | null>(null);
  const headingId = `rules-${level}-heading`;
  return (
    <section className="eh-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t(`eligibilityRules.level.${level}`)}
      </Heading>
      {rules.length === 0 ? (
        <Empty>{t('eligibilityRules.emptyLevel')}</Empty>
      ) : (
        <Table caption={t(`eligibilityRules.level.${level}`)} hideCaption id={`rules-${level}-table`}>
          <THead>
            <Tr>
              <Th>{t('eligibilityRules.field.kind')}</Th>
              {level !== 'programme' ? <Th>{t(level === 'location' ? 'eligibilityRules.field.location' : 'eligibilityRules.field.unit')}</Th> : null}
              <Th>{t('eligibilityRules.field.params')}</Th>
              <Th>{t('eligibilityRules.field.description')}</Th>
              <Th>{t('eligibilityRules.field.note')}</Th>
              <Th>{t('eligibilityRules.field.since')}</Th>
              <Th>
                <span className="eh-visually-hidden">{t('eligibilityRules.field.actions')}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {rules.map((r) => (
              <tr key={r.id} className="utrecht-table__row" data-kind={r.kind} data-rule={r.id}>
                <Th scope="row">{t(`eligibilityRules.kind.${r.kind}`)}</Th>
                {level !== 'programme' ? <Td>{placeOf(r)}</Td> : null}
                <Td>{paramsText(t, r)}</Td>
                <Td>{lang === 'en' ? r.descriptionEn : r.description}</Td>
                <Td>{r.note ?? t('common.empty')}</Td>
                <Td>{format.date(r.createdAt.slice(0, 10))}</Td>
                <Td>
                  {r.abilities.remove ? (
                    <Button id={`rule-remove-${r.id}`} appearance="secondary" onClick={() => setRemoving(r)}>
                      {t('eligibilityRules.remove')}
                      <span className="eh-visually-hidden">
                        {' '}
                        {t(`eligibilityRules.kind.${r.kind}`)} — {placeOf(r)}
                      </span>
                    </Button>
                  ) : null}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        id={`rule-remove-dialog-${level}`}
        open={removing !== null}
        danger
        title={t('eligibilityRules.removeTitle')}
        confirmLabel={t('eligibilityRules.remove')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              onRemoved();
            },
          });
        }}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p className="utrecht-paragraph">
          {removing ? t('eligibilityRules.removeText', { kind: t(`eligibilityRules.kind.${removing.kind}`), place: placeOf(removing) }) : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface Opt {
  value: string;
  label: string;
}

function NewRuleForm({ programme, locations, units, onDone, onCancel }: { programme: Programme; locations: Opt[]; units: Opt[]; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateRule();
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [level, setLevel] = useState<RuleLevel>('programme');
  const [locationId, setLocationId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<EligibilityRuleKind | ''>('');
  const [maxPersonsPerRoom, setMaxPersonsPerRoom] = useState('2');
  const [maxPersons, setMaxPersons] = useState('');
  const [allowed, setAllowed] = useState<string[]>([]);
  const [indications, setIndications] = useState<string[]>([]);
  const [maxRiskLevel, setMaxRiskLevel] = useState('');
  const [note, setNote] = useState('');

  const intIn = (v: string, min: number, max: number) => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        locationId: level === 'location' && !locationId && t('eligibilityRules.error.location'),
        unitId: level === 'unit' && !unitId && t('eligibilityRules.error.unit'),
        kind: !kind && t('eligibilityRules.error.kind'),
        maxPersonsPerRoom: kind === 'household_size' && !intIn(maxPersonsPerRoom, 1, 6) && t('eligibilityRules.error.maxPersonsPerRoom'),
        maxPersons: kind === 'household_size' && maxPersons.trim() !== '' && !intIn(maxPersons, 1, 25) && t('eligibilityRules.error.maxPersons'),
        allowed: kind === 'target_group' && allowed.length === 0 && t('eligibilityRules.error.allowed'),
      },
      { locationId: 'rule-location', unitId: 'rule-unit', kind: 'rule-kind', maxPersonsPerRoom: 'rule-maxPersonsPerRoom', maxPersons: 'rule-maxPersons', allowed: 'rule-allowed' },
    );
    if (!ok || !kind) return;
    const params: RuleParams =
      kind === 'household_size'
        ? { maxPersonsPerRoom: Number(maxPersonsPerRoom), ...(maxPersons.trim() ? { maxPersons: Number(maxPersons) } : {}) }
        : kind === 'target_group'
          ? { allowed: allowed as RuleParams['allowed'] }
          : kind === 'indication_required'
            ? indications.length
              ? { indications: indications as RuleParams['indications'] }
              : {}
            : kind === 'risk_screening'
              ? maxRiskLevel
                ? { maxRiskLevel: maxRiskLevel as RuleParams['maxRiskLevel'] }
                : {}
              : {};
    create.mutate(
      {
        programmeId: programme.id,
        ...(level === 'location' ? { locationId } : level === 'unit' ? { unitId } : {}),
        kind,
        params,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form id="rule-form" className="eh-form" noValidate onSubmit={submit}>
      <ProblemAlert problem={problem} />
      <RadioGroup
        id="rule-level"
        legend={t('eligibilityRules.field.level')}
        value={level}
        onChange={(v) => setLevel(v as RuleLevel)}
        options={RULE_LEVEL_ORDER.map((l) => ({ value: l, label: t(`eligibilityRules.levelOption.${l}`) }))}
      />
      {level === 'location' ? (
        <SelectField
          id="rule-location"
          label={t('eligibilityRules.field.location')}
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            clear('locationId');
          }}
          emptyLabel={t('common.choose')}
          options={locations}
          error={errorOf('locationId')}
          required
        />
      ) : null}
      {level === 'unit' ? (
        <SelectField
          id="rule-unit"
          label={t('eligibilityRules.field.unit')}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            clear('unitId');
          }}
          emptyLabel={t('common.choose')}
          options={units}
          error={errorOf('unitId')}
          required
        />
      ) : null}
      <SelectField
        id="rule-kind"
        label={t('eligibilityRules.field.kind')}
        value={kind}
        onChange={(v) => {
          setKind(v as EligibilityRuleKind | '');
          clear('kind');
        }}
        emptyLabel={t('common.choose')}
        options={RULE_KINDS.map((k) => ({ value: k, label: t(`eligibilityRules.kind.${k}`) }))}
        description={kind ? t(`eligibilityRules.kindHint.${kind}`) : undefined}
        error={errorOf('kind')}
        required
      />
      {kind === 'household_size' ? (
        <>
          <TextField
            id="rule-maxPersonsPerRoom"
            type="number"
            min={1}
            max={6}
            inputMode="numeric"
            label={t('eligibilityRules.param.maxPersonsPerRoom')}
            value={maxPersonsPerRoom}
            onChange={(v) => {
              setMaxPersonsPerRoom(v);
              clear('maxPersonsPerRoom');
            }}
            error={errorOf('maxPersonsPerRoom')}
            required
          />
          <TextField
            id="rule-maxPersons"
            type="number"
            min={1}
            max={25}
            inputMode="numeric"
            label={t('eligibilityRules.param.maxPersons')}
            optional
            value={maxPersons}
            onChange={(v) => {
              setMaxPersons(v);
              clear('maxPersons');
            }}
            error={errorOf('maxPersons')}
          />
        </>
      ) : null}
      {kind === 'target_group' ? (
        <CheckboxGroup
          id="rule-allowed"
          legend={t('eligibilityRules.param.allowed')}
          values={allowed}
          onChange={(v) => {
            setAllowed(v);
            clear('allowed');
          }}
          options={RULE_TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroup.${g}`) }))}
          error={errorOf('allowed')}
        />
      ) : null}
      {kind === 'indication_required' ? (
        <CheckboxGroup
          id="rule-indications"
          legend={t('eligibilityRules.param.indications')}
          description={t('eligibilityRules.param.indicationsHint')}
          optional
          values={indications}
          onChange={setIndications}
          options={RULE_INDICATIONS.map((i) => ({ value: i, label: t(`indication.${i}`) }))}
        />
      ) : null}
      {kind === 'risk_screening' ? (
        <SelectField
          id="rule-maxRiskLevel"
          label={t('eligibilityRules.param.maxRiskLevel')}
          optional
          value={maxRiskLevel}
          onChange={setMaxRiskLevel}
          emptyLabel={t('eligibilityRules.param.anyRisk')}
          options={RULE_RISK_LEVELS.map((r) => ({ value: r, label: t(`riskLevel.${r}`) }))}
        />
      ) : null}
      {kind && ['municipality_exclusion', 'not_accessible', 'no_pets', 'consent_housing'].includes(kind) ? (
        <Paragraph>{t('eligibilityRules.param.noneNeeded')}</Paragraph>
      ) : null}
      <TextareaField
        id="rule-note"
        label={t('eligibilityRules.field.note')}
        description={t('eligibilityRules.field.noteHint')}
        optional
        value={note}
        onChange={setNote}
        rows={3}
      />
      <ButtonGroup>
        <Button id="rule-submit" type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
          {t('eligibilityRules.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
