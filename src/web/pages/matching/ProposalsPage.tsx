import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAllLocations, useAllUnits, useOrganisations } from '../../api/hooks';
import { useCreateProposal } from '../../api/matchingExtra';
import type { Programme } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { matchingAccess, OFFERS_PATH } from './access';
import { proposalPath } from './proposalPaths';
import './matching.css';

/**
 * /matching/voorstellen/nieuw (programme office): a batch proposal for a project delivery
 * (POST /api/v1/matching-proposals): a location's available homes or chosen homes, and optionally
 * a maximum number of homes per care provider.
 * Ids: `proposal-form` with `proposal-scope` (`-location`, `-units`), `proposal-location`,
 * `proposal-units`, `proposal-capacity-{providerId}`, `proposal-submit`.
 */
export function ProposalsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('proposals.newTitle'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={OFFERS_PATH}>{t('proposals.backToOffers')}</AppLink>
      </p>
      <Heading level={1}>{t('proposals.newTitle')}</Heading>
      {!matchingAccess.office(me) ? (
        <Alert type="info" id="proposals-no-access">
          <p className="utrecht-paragraph">{t('proposals.noAccess')}</p>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('proposals.intro')}</Paragraph>
          <ProgrammeGate>{(programme) => <NewProposalForm programme={programme} />}</ProgrammeGate>
        </>
      )}
    </>
  );
}

function NewProposalForm({ programme }: { programme: Programme }) {
  const t = useT();
  const navigate = useNavigate();
  const locations = useAllLocations({ programmeId: programme.id });
  const units = useAllUnits({ programmeId: programme.id, status: 'available' });
  const providers = useOrganisations('care_provider');
  const create = useCreateProposal();
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);

  const [scope, setScope] = useState<'location' | 'units'>('location');
  const [locationId, setLocationId] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [capacities, setCapacities] = useState<Record<string, string>>({});

  if (locations.isPending || units.isPending || providers.isPending) return <Loading />;
  if (locations.isError) return <QueryError error={locations.error} onRetry={() => void locations.refetch()} />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;
  if (providers.isError) return <QueryError error={providers.error} onRetry={() => void providers.refetch()} />;

  const availableAt = (id: string) => units.data.filter((u) => u.locationId === id).length;
  const badCapacity = Object.entries(capacities).find(([, v]) => v.trim() !== '' && !/^\d{1,4}$/.test(v.trim()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        locationId: scope === 'location' && !locationId && t('proposals.error.location'),
        unitIds: scope === 'units' && unitIds.length === 0 && t('proposals.error.units'),
        capacities: Boolean(badCapacity) && t('proposals.error.capacity'),
      },
      { locationId: 'proposal-location', unitIds: 'proposal-units', capacities: badCapacity ? `proposal-capacity-${badCapacity[0]}` : 'proposal-submit' },
    );
    if (!ok) return;
    create.mutate(
      {
        programmeId: programme.id,
        ...(scope === 'location' ? { locationId } : { unitIds }),
        capacities: Object.entries(capacities)
          .filter(([, v]) => v.trim() !== '')
          .map(([providerId, v]) => ({ providerId, places: Number(v.trim()) })),
      },
      { onSuccess: (p) => navigate(proposalPath(p.id), { state: { created: true } }) },
    );
  };

  return (
    <form id="proposal-form" className="eh-form" noValidate onSubmit={submit}>
      <ProblemAlert problem={problem} />
      <RadioGroup
        id="proposal-scope"
        legend={t('proposals.field.scope')}
        value={scope}
        onChange={(v) => setScope(v as 'location' | 'units')}
        options={[
          { value: 'location', label: t('proposals.scope.location') },
          { value: 'units', label: t('proposals.scope.units') },
        ]}
      />
      {scope === 'location' ? (
        <SelectField
          id="proposal-location"
          label={t('proposals.field.location')}
          description={t('proposals.field.locationHint')}
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            clear('locationId');
          }}
          emptyLabel={t('common.choose')}
          options={locations.data
            .filter((l) => l.deliveryMode === 'project')
            .map((l) => ({ value: l.id, label: t('proposals.locationOption', { name: l.name, count: availableAt(l.id) }) }))}
          error={errorOf('locationId')}
          required
        />
      ) : units.data.length === 0 ? (
        <Empty>{t('proposals.noAvailableUnits')}</Empty>
      ) : (
        <CheckboxGroup
          id="proposal-units"
          legend={t('proposals.field.units')}
          values={unitIds}
          onChange={(v) => {
            setUnitIds(v);
            clear('unitIds');
          }}
          options={units.data.map((u) => ({ value: u.id, label: u.label, group: u.location ?? u.municipality }))}
          error={errorOf('unitIds')}
        />
      )}
      <fieldset className="utrecht-form-fieldset eh-fieldset" aria-describedby="proposal-capacities-hint">
        <legend className="utrecht-form-fieldset__legend">{t('proposals.field.capacities')}</legend>
        <p id="proposal-capacities-hint" className="utrecht-form-field-description">
          {t('proposals.field.capacitiesHint')}
        </p>
        {errorOf('capacities') ? (
          <p className="utrecht-form-field-error-message eh-field-error" role="alert">
            {errorOf('capacities')}
          </p>
        ) : null}
        {providers.data.map((o) => (
          <TextField
            key={o.id}
            id={`proposal-capacity-${o.id}`}
            type="number"
            min={0}
            max={2000}
            inputMode="numeric"
            label={o.name}
            optional
            value={capacities[o.id] ?? ''}
            onChange={(v) => {
              setCapacities((c) => ({ ...c, [o.id]: v }));
              clear('capacities');
            }}
          />
        ))}
      </fieldset>
      <ButtonGroup>
        <Button id="proposal-submit" type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
          {create.isPending ? t('proposals.computing') : t('proposals.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
