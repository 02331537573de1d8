import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAllLocations, useMunicipalities, useUnits } from '../../api/hooks';
import { UNIT_STATUSES, type Programme, type UnitFilters } from '../../api/types';
import { AppLink, Button, ButtonLink } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, QueryError, LoadMore } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { byName, oneOf, statusOptions } from '../../options';
import { useCurrentUser } from '../../session';
import { useDebounced } from '../../useDebounced';

export function UnitsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('units.title'));
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('units.title')}</Heading>
        {me.abilities.manageUnits ? (
          <ButtonLink to="/units/new" appearance="primary">
            {t('units.new')}
          </ButtonLink>
        ) : null}
      </div>
      <ProgrammeGate>{(programme) => <UnitList programme={programme} />}</ProgrammeGate>
    </>
  );
}

function UnitList({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const status = oneOf(UNIT_STATUSES, params.get('status'));
  const municipalityId = params.get('municipalityId') ?? '';
  const locationId = params.get('locationId') ?? '';
  const [qInput, setQInput] = useState(params.get('q') ?? '');
  const q = useDebounced(qInput.trim(), 300);

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    // only when the settled search text changes
    if ((params.get('q') ?? '') !== q) setParam('q', q);
  }, [q]);

  const municipalities = useMunicipalities();
  const locations = useAllLocations({ programmeId: programme.id, municipalityId: municipalityId || undefined });

  const filters = useMemo<UnitFilters>(
    () => ({
      programmeId: programme.id,
      status,
      municipalityId: municipalityId || undefined,
      locationId: locationId || undefined,
      q: q || undefined,
    }),
    [programme.id, status, municipalityId, locationId, q],
  );
  const units = useUnits(filters);
  const items = useMemo(() => units.data?.pages.flatMap((page) => page.items) ?? [], [units.data]);
  const filtered = Boolean(status || municipalityId || locationId || q);

  const reset = () => {
    setQInput('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <>
      <form className="eh-filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField
          id="units-q"
          type="search"
          label={t('common.search')}
          description={t('units.searchHelp')}
          value={qInput}
          onChange={setQInput}
          autoComplete="off"
        />
        <SelectField
          id="units-status"
          label={t('field.status')}
          value={status ?? ''}
          onChange={(value) => setParam('status', value)}
          options={statusOptions(t)}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="units-municipality"
          label={t('field.municipality')}
          value={municipalityId}
          onChange={(value) => {
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (value) next.set('municipalityId', value);
                else next.delete('municipalityId');
                next.delete('locationId');
                return next;
              },
              { replace: true },
            );
          }}
          options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="units-location"
          label={t('field.location')}
          value={locationId}
          onChange={(value) => setParam('locationId', value)}
          options={byName(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          emptyLabel={t('common.all')}
        />
        {filtered ? (
          <div className="eh-filters__actions">
            <Button appearance="subtle" onClick={reset}>
              {t('common.resetFilters')}
            </Button>
          </div>
        ) : null}
      </form>

      {units.isPending ? (
        <Loading />
      ) : units.isError && items.length === 0 ? (
        <QueryError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <>
          <p className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'} role="status">
            {items.length === 0
              ? filtered
                ? t('units.emptyFiltered')
                : t('units.empty')
              : units.hasNextPage
                ? t('common.shownMore', { count: items.length })
                : t('common.shown', { count: items.length })}
          </p>
          {items.length === 0 ? null : (
            <Table caption={t('units.caption')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.unitLabel')}</Th>
                  <Th>{t('field.status')}</Th>
                  <Th>{t('field.statusSince')}</Th>
                  <Th>{t('field.municipality')}</Th>
                  <Th>{t('field.location')}</Th>
                  <Th>{t('field.form')}</Th>
                  <Th>{t('field.tranche')}</Th>
                </Tr>
              </THead>
              <TBody>
                {items.map((unit) => (
                  <Tr key={unit.id}>
                    <Th scope="row">
                      <AppLink to={`/units/${unit.id}`}>{unit.label || t('common.noName')}</AppLink>
                    </Th>
                    <Td>
                      <StatusBadge status={unit.status} />
                    </Td>
                    <Td className="eh-nowrap">{format.date(unit.statusSince)}</Td>
                    <Td>{unit.municipality}</Td>
                    <Td>
                      {unit.locationId && unit.location ? (
                        <AppLink to={`/locations/${unit.locationId}`}>{unit.location}</AppLink>
                      ) : (
                        t('common.empty')
                      )}
                    </Td>
                    <Td>{t(`form.${unit.form}`)}</Td>
                    <Td>{unit.tranche ?? t('common.empty')}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          {units.isError ? <QueryError error={units.error} onRetry={() => void units.fetchNextPage()} /> : null}
          <LoadMore query={units} />
        </>
      )}
    </>
  );
}
