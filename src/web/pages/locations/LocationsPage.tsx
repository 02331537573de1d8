import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLocations, useMunicipalities } from '../../api/hooks';
import type { LocationFilters, Programme } from '../../api/types';
import { AppLink, Button, ButtonLink } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { Loading, QueryError, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { byName } from '../../options';
import { useCurrentUser } from '../../session';
import { useDebounced } from '../../useDebounced';

export function LocationsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('locations.title'));
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('locations.title')}</Heading>
        {me.abilities.manageLocations ? (
          <ButtonLink to="/locations/new" appearance="primary">
            {t('locations.new')}
          </ButtonLink>
        ) : null}
      </div>
      <ProgrammeGate>{(programme) => <LocationList programme={programme} />}</ProgrammeGate>
    </>
  );
}

function LocationList({ programme }: { programme: Programme }) {
  const t = useT();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const municipalityId = params.get('municipalityId') ?? '';
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
  const filters = useMemo<LocationFilters>(
    () => ({ programmeId: programme.id, municipalityId: municipalityId || undefined, q: q || undefined }),
    [programme.id, municipalityId, q],
  );
  const locations = useLocations(filters);
  const items = useMemo(() => locations.data?.pages.flatMap((page) => page.items) ?? [], [locations.data]);
  const filtered = Boolean(municipalityId || q);

  return (
    <>
      <form className="eh-filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField
          id="locations-q"
          type="search"
          label={t('common.search')}
          description={t('locations.searchHelp')}
          value={qInput}
          onChange={setQInput}
          autoComplete="off"
        />
        <SelectField
          id="locations-municipality"
          label={t('field.municipality')}
          value={municipalityId}
          onChange={(value) => setParam('municipalityId', value)}
          options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          emptyLabel={t('common.all')}
        />
        {filtered ? (
          <div className="eh-filters__actions">
            <Button
              appearance="subtle"
              onClick={() => {
                setQInput('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('common.resetFilters')}
            </Button>
          </div>
        ) : null}
      </form>

      {locations.isPending ? (
        <Loading />
      ) : locations.isError && items.length === 0 ? (
        <QueryError error={locations.error} onRetry={() => void locations.refetch()} />
      ) : (
        <>
          <p className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'} role="status">
            {items.length === 0
              ? filtered
                ? t('locations.emptyFiltered')
                : t('locations.empty')
              : locations.hasNextPage
                ? t('common.shownMore', { count: items.length })
                : t('common.shown', { count: items.length })}
          </p>
          {items.length === 0 ? null : (
            <Table caption={t('locations.caption')} hideCaption>
              <THead>
                <Tr>
                  <Th>{t('field.name')}</Th>
                  <Th>{t('field.municipality')}</Th>
                  <Th>{t('field.district')}</Th>
                  <Th>{t('field.form')}</Th>
                  <Th>{t('field.deliveryMode')}</Th>
                  <Th>{t('field.corporation')}</Th>
                  <Th>{t('field.provider')}</Th>
                  <Th>{t('field.expectedDate')}</Th>
                  <Th numeric>{t('field.unitCount')}</Th>
                </Tr>
              </THead>
              <TBody>
                {items.map((location) => (
                  <Tr key={location.id}>
                    <Th scope="row">
                      <AppLink to={`/locations/${location.id}`}>{location.name}</AppLink>
                      {location.address ? <span className="eh-cell-sub">{location.address}</span> : null}
                    </Th>
                    <Td>{location.municipality}</Td>
                    <Td>{location.district ?? t('common.empty')}</Td>
                    <Td>{t(`form.${location.form}`)}</Td>
                    <Td>{t(`deliveryMode.${location.deliveryMode}`)}</Td>
                    <Td>{location.corporation ?? t('common.empty')}</Td>
                    <Td>{location.provider ?? t('common.empty')}</Td>
                    <Td className="eh-nowrap">{format.date(location.expectedDate)}</Td>
                    <Td numeric>{format.number(location.unitCount)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          {locations.isError ? (
            <QueryError error={locations.error} onRetry={() => void locations.fetchNextPage()} />
          ) : null}
          <LoadMore query={locations} />
        </>
      )}
    </>
  );
}
