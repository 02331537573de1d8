import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCreatePledge, useMunicipalities, useOrganisations, usePledges, useTranches } from '../../api/hooks';
import { HOUSING_FORMS, TARGET_GROUPS, type Programme } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { CheckboxGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { optional, optionalInt, useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { byName, formOptions, oneOf, targetGroupOptions } from '../../options';
import { useCurrentUser } from '../../session';

export function PledgesPage() {
  const t = useT();
  usePageTitle(t('pledges.title'));
  return (
    <>
      <Heading level={1}>{t('pledges.title')}</Heading>
      <Paragraph>{t('pledges.intro')}</Paragraph>
      <ProgrammeGate>{(programme) => <ProgrammePledges programme={programme} />}</ProgrammeGate>
    </>
  );
}

function ProgrammePledges({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const pledges = usePledges(programme.id);
  const tranches = useTranches(programme.id);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<number | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const totalPlaces = (pledges.data ?? []).reduce((sum, pledge) => sum + pledge.places, 0);
  const sortedTranches = [...(tranches.data ?? [])].sort((a, b) => a.number - b.number);

  return (
    <>
      {me.abilities.managePledges && !adding ? (
        <ButtonGroup>
          <Button
            ref={addButtonRef}
            appearance="primary"
            onClick={() => {
              setCreated(null);
              setAdding(true);
            }}
          >
            {t('pledges.add')}
          </Button>
        </ButtonGroup>
      ) : null}
      {created !== null ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('pledges.created', { count: created })}</p>
        </Alert>
      ) : null}
      {adding ? (
        <PledgeForm
          programme={programme}
          onDone={(places) => {
            setAdding(false);
            if (places !== null) setCreated(places);
            window.setTimeout(() => addButtonRef.current?.focus(), 0);
          }}
        />
      ) : null}

      <section className="eh-section" aria-labelledby="pledges-heading">
        <Heading level={2} id="pledges-heading">
          {t('pledges.list')}
        </Heading>
        {pledges.isPending ? (
          <Loading />
        ) : pledges.isError ? (
          <QueryError error={pledges.error} onRetry={() => void pledges.refetch()} />
        ) : pledges.data.length === 0 ? (
          <Empty>{t('pledges.empty')}</Empty>
        ) : (
          <>
            <Paragraph>{t('pledges.totalPlaces', { count: format.number(totalPlaces) })}</Paragraph>
            <Table caption={t('pledges.caption')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.municipality')}</Th>
                  <Th numeric>{t('field.places')}</Th>
                  <Th>{t('field.targetGroup')}</Th>
                  <Th>{t('field.form')}</Th>
                  <Th>{t('field.pledgedOn')}</Th>
                  <Th>{t('field.partners')}</Th>
                  <Th>{t('field.tranche')}</Th>
                  <Th numeric>{t('field.unitCount')}</Th>
                  <Th>{t('field.notes')}</Th>
                </Tr>
              </THead>
              <TBody>
                {pledges.data.map((pledge) => (
                  <Tr key={pledge.id}>
                    <Th scope="row">{pledge.municipality}</Th>
                    <Td numeric>{format.number(pledge.places)}</Td>
                    <Td>{t(`targetGroup.${pledge.targetGroup}`)}</Td>
                    <Td>{t(`form.${pledge.form}`)}</Td>
                    <Td className="eh-nowrap">{format.date(pledge.pledgedOn)}</Td>
                    <Td>{pledge.partners.length ? pledge.partners.map((p) => p.name).join(', ') : t('common.empty')}</Td>
                    <Td>{pledge.tranche ?? t('common.empty')}</Td>
                    <Td numeric>{format.number(pledge.unitCount)}</Td>
                    <Td>{pledge.notes ?? t('common.empty')}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </>
        )}
      </section>

      <section className="eh-section" aria-labelledby="tranches-heading">
        <Heading level={2} id="tranches-heading">
          {t('tranches.title')}
        </Heading>
        {tranches.isPending ? (
          <Loading />
        ) : tranches.isError ? (
          <QueryError error={tranches.error} onRetry={() => void tranches.refetch()} />
        ) : sortedTranches.length === 0 ? (
          <Empty>{t('tranches.empty')}</Empty>
        ) : (
          <Table caption={t('tranches.caption')} hideCaption>
            <THead>
              <Tr>
                <Th numeric>{t('field.number')}</Th>
                <Th>{t('field.name')}</Th>
                <Th numeric>{t('field.capacity')}</Th>
                <Th>{t('field.provider')}</Th>
                <Th>{t('field.deadline')}</Th>
                <Th numeric>{t('field.unitCount')}</Th>
              </Tr>
            </THead>
            <TBody>
              {sortedTranches.map((tranche) => (
                <Tr key={tranche.id}>
                  <Td numeric>{tranche.number}</Td>
                  <Th scope="row">{tranche.name}</Th>
                  <Td numeric>{format.number(tranche.capacity)}</Td>
                  <Td>{tranche.provider ?? t('common.empty')}</Td>
                  <Td className="eh-nowrap">{format.date(tranche.deadline)}</Td>
                  <Td numeric>{format.number(tranche.unitCount)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}

const IDS = {
  municipalityId: 'pledge-municipality',
  places: 'pledge-places',
  targetGroup: 'pledge-target-group',
  form: 'pledge-form',
  pledgedOn: 'pledge-date',
  partnerIds: 'pledge-partners',
  trancheId: 'pledge-tranche',
  notes: 'pledge-notes',
};

function PledgeForm({ programme, onDone }: { programme: Programme; onDone: (places: number | null) => void }) {
  const t = useT();
  const create = useCreatePledge(programme.id);
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const municipalities = useMunicipalities();
  const organisations = useOrganisations();
  const tranches = useTranches(programme.id);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [municipalityId, setMunicipalityId] = useState('');
  const [places, setPlaces] = useState('');
  const [targetGroup, setTargetGroup] = useState('');
  const [form, setForm] = useState('');
  const [pledgedOn, setPledgedOn] = useState(todayIso());
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [trancheId, setTrancheId] = useState('');
  const [notes, setNotes] = useState('');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const partnerKinds = ['care_provider', 'housing_corporation'] as const;
  const partnerOptions = partnerKinds.flatMap((kind) =>
    byName((organisations.data ?? []).filter((o) => o.kind === kind)).map((o) => ({
      value: o.id,
      label: o.name,
      group: t(`orgKinds.${kind}`),
    })),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const placeCount = optionalInt(places);
    const group = oneOf(TARGET_GROUPS, targetGroup);
    const housingForm = oneOf(HOUSING_FORMS, form);
    const valid = validate(
      {
        municipalityId: !municipalityId && t('validation.choose'),
        places: (placeCount === undefined || Number.isNaN(placeCount) || placeCount < 1) && t('validation.number'),
        targetGroup: !group && t('validation.choose'),
        form: !housingForm && t('validation.choose'),
        pledgedOn: !pledgedOn && t('validation.required'),
      },
      IDS,
    );
    if (!valid || !group || !housingForm || placeCount === undefined) return;
    create.mutate(
      {
        municipalityId,
        places: placeCount,
        targetGroup: group,
        form: housingForm,
        pledgedOn,
        partnerIds,
        trancheId: optional(trancheId),
        notes: optional(notes),
      },
      { onSuccess: (pledge) => onDone(pledge.places) },
    );
  };

  return (
    <section className="eh-section eh-panel" aria-labelledby="pledge-form-heading">
      <Heading level={2} id="pledge-form-heading" ref={headingRef} tabIndex={-1}>
        {t('pledges.formTitle')}
      </Heading>
      <Paragraph>{t('pledges.formIntro')}</Paragraph>
      <form className="eh-form" noValidate onSubmit={onSubmit}>
        <ProblemAlert problem={problem} />
        <SelectField
          id={IDS.municipalityId}
          label={t('field.municipality')}
          value={municipalityId}
          onChange={(v) => {
            setMunicipalityId(v);
            clear('municipalityId');
          }}
          options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('municipalityId')}
        />
        <TextField
          id={IDS.places}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t('field.places')}
          value={places}
          onChange={(v) => {
            setPlaces(v);
            clear('places');
          }}
          required
          error={errorOf('places')}
          className="eh-input--short"
        />
        <SelectField
          id={IDS.targetGroup}
          label={t('field.targetGroup')}
          value={targetGroup}
          onChange={(v) => {
            setTargetGroup(v);
            clear('targetGroup');
          }}
          options={targetGroupOptions(t)}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('targetGroup')}
        />
        <SelectField
          id={IDS.form}
          label={t('field.form')}
          value={form}
          onChange={(v) => {
            setForm(v);
            clear('form');
          }}
          options={formOptions(t)}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('form')}
        />
        <TextField
          id={IDS.pledgedOn}
          type="date"
          label={t('field.pledgedOn')}
          value={pledgedOn}
          onChange={(v) => {
            setPledgedOn(v);
            clear('pledgedOn');
          }}
          required
          error={errorOf('pledgedOn')}
        />
        {organisations.isPending ? (
          <Loading />
        ) : organisations.isError ? (
          <QueryError error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : (
          <CheckboxGroup
            id={IDS.partnerIds}
            legend={t('field.partners')}
            description={t('field.partnersHelp')}
            options={partnerOptions}
            values={partnerIds}
            onChange={setPartnerIds}
            error={errorOf('partnerIds')}
          />
        )}
        <SelectField
          id={IDS.trancheId}
          label={t('field.tranche')}
          value={trancheId}
          onChange={setTrancheId}
          options={[...(tranches.data ?? [])]
            .sort((a, b) => a.number - b.number)
            .map((tr) => ({ value: tr.id, label: tr.name }))}
          emptyLabel={t('pledges.noTranche')}
          optional
          error={errorOf('trancheId')}
        />
        <TextareaField
          id={IDS.notes}
          label={t('field.notes')}
          value={notes}
          onChange={setNotes}
          optional
          error={errorOf('notes')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('pledges.submit')}
          </Button>
          <Button appearance="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
