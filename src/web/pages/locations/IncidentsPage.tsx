// /overlast: incidents and nuisance reports of every location the user works with, with filters
// (open, severity, location) and "load more".

import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useAllLocations } from '../../api/hooks';
import { INCIDENT_SEVERITIES, useIncidents, type IncidentFilters, type IncidentSeverity } from '../../api/neighbourhood';
import type { Programme } from '../../api/types';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { LoadMore, Loading, QueryError } from '../../components/States';
import { useT } from '../../i18n';
import { IncidentTable } from './IncidentParts';

export function IncidentsPage() {
  const t = useT();
  usePageTitle(t('neighbourhood.overviewTitle'));
  return (
    <>
      <Heading level={1}>{t('neighbourhood.overviewTitle')}</Heading>
      <p className="utrecht-paragraph">{t('neighbourhood.overviewIntro')}</p>
      <ProgrammeGate>{(programme) => <IncidentList programme={programme} />}</ProgrammeGate>
    </>
  );
}

function IncidentList({ programme }: { programme: Programme }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const open = params.get('open') ?? '';
  const severity = params.get('severity') ?? '';
  const locationId = params.get('locationId') ?? '';
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

  const locations = useAllLocations({ programmeId: programme.id });
  const filters = useMemo<IncidentFilters>(
    () => ({
      open: open === '' ? undefined : open === 'true',
      severity: (INCIDENT_SEVERITIES as readonly string[]).includes(severity) ? (severity as IncidentSeverity) : undefined,
      locationId: locationId || undefined,
    }),
    [open, severity, locationId],
  );
  const incidents = useIncidents(filters);
  const items = useMemo(() => incidents.data?.pages.flatMap((p) => p.items) ?? [], [incidents.data]);
  const filtered = Boolean(open || severity || locationId);

  return (
    <>
      <form className="eh-filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="incidents-open"
          label={t('neighbourhood.filterOpen')}
          value={open}
          onChange={(v) => setParam('open', v)}
          options={[
            { value: 'true', label: t('neighbourhood.openOnly') },
            { value: 'false', label: t('neighbourhood.closedOnly') },
          ]}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="incidents-severity"
          label={t('neighbourhood.severity')}
          value={severity}
          onChange={(v) => setParam('severity', v)}
          options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`neighbourhood.severity.${s}`) }))}
          emptyLabel={t('common.all')}
        />
        <SelectField
          id="incidents-location"
          label={t('neighbourhood.location')}
          value={locationId}
          onChange={(v) => setParam('locationId', v)}
          options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          emptyLabel={t('common.all')}
        />
        {filtered ? (
          <div className="eh-filters__actions">
            <Button appearance="subtle" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('common.resetFilters')}
            </Button>
          </div>
        ) : null}
      </form>
      {incidents.isPending ? (
        <Loading />
      ) : incidents.isError && items.length === 0 ? (
        <QueryError error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : (
        <>
          <p className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'} role="status">
            {items.length === 0
              ? filtered
                ? t('neighbourhood.incidentsEmptyFiltered')
                : t('neighbourhood.incidentsEmpty')
              : incidents.hasNextPage
                ? t('common.shownMore', { count: items.length })
                : t('common.shown', { count: items.length })}
          </p>
          {items.length === 0 ? null : <IncidentTable items={items} showLocation idPrefix="incidents" />}
          <LoadMore query={incidents} />
        </>
      )}
    </>
  );
}
