import { useEffect, useRef, useState } from 'react';
import { useLocation as useRouterLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useLocation, useUpdateLocation } from '../../api/hooks';
import type { LocationDetail, LocationPatch } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError, useProblem } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { LocationForm, valuesOf, type LocationValues, type ValidLocationValues } from './LocationForm';
import { NeighbourhoodSection } from './NeighbourhoodSection';

export function LocationDetailPage() {
  const t = useT();
  const { id } = useParams();
  const location = useLocation(id);
  usePageTitle(location.data?.name ?? t('locations.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to="/locations">{t('location.backToList')}</AppLink>
      </p>
      {location.isPending ? (
        <>
          <Heading level={1}>{t('locations.title')}</Heading>
          <Loading />
        </>
      ) : location.isError ? (
        <>
          <Heading level={1}>{t('locations.title')}</Heading>
          <QueryError error={location.error} onRetry={() => void location.refetch()} />
        </>
      ) : (
        <LocationView location={location.data} onReload={() => location.refetch()} />
      )}
    </>
  );
}

/** The PATCH body: `version` plus only the fields that changed (an emptied optional field is sent as null). */
function patchOf(location: LocationDetail, values: ValidLocationValues): LocationPatch {
  const before = valuesOf(location);
  const patch: LocationPatch = { version: location.version };
  const text = (name: 'address' | 'district' | 'corporationId' | 'providerId' | 'expectedDate') => {
    const value = values[name].trim();
    if (value !== before[name]) patch[name] = value === '' ? null : value;
  };
  if (values.name.trim() !== before.name) patch.name = values.name.trim();
  if (values.municipalityId !== before.municipalityId) patch.municipalityId = values.municipalityId;
  if (values.form !== before.form) patch.form = values.form;
  if (values.deliveryMode !== before.deliveryMode) patch.deliveryMode = values.deliveryMode;
  text('address');
  text('district');
  text('corporationId');
  text('providerId');
  text('expectedDate');
  return patch;
}

function LocationView({ location, onReload }: { location: LocationDetail; onReload: () => Promise<unknown> }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const created = (useRouterLocation().state as { created?: boolean } | null)?.created === true;
  const update = useUpdateLocation(location.id);
  const problem = useProblem(update.error);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) formHeadingRef.current?.focus();
  }, [editing]);

  const startEditing = () => {
    setSaved(false);
    setConflict(false);
    update.reset();
    setEditing(true);
  };

  const stopEditing = () => {
    setEditing(false);
    setConflict(false);
    update.reset();
    window.setTimeout(() => editButtonRef.current?.focus(), 0);
  };

  const save = (values: ValidLocationValues) => {
    setConflict(false);
    update.mutate(patchOf(location, values), {
      onSuccess: () => {
        setSaved(true);
        stopEditing();
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 409) {
          // someone else changed the location: load the latest version into the form
          setConflict(true);
          update.reset();
          void onReload();
        }
      },
    });
  };

  const initial: LocationValues = valuesOf(location);

  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{location.name}</Heading>
        {me.abilities.manageLocations && !editing ? (
          <Button ref={editButtonRef} appearance="secondary" onClick={startEditing}>
            {t('location.edit')}
          </Button>
        ) : null}
      </div>
      {created ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('location.saved')}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('location.saved')}</p>
        </Alert>
      ) : null}

      {editing ? (
        <section className="eh-section eh-panel" aria-labelledby="location-edit-heading">
          <Heading level={2} id="location-edit-heading" ref={formHeadingRef} tabIndex={-1}>
            {t('location.editHeading', { name: location.name })}
          </Heading>
          <LocationForm
            key={location.version}
            idPrefix="location-edit"
            initial={initial}
            problem={problem}
            busy={update.isPending}
            submitLabel={t('common.save')}
            onSubmit={save}
            notice={
              conflict ? (
                <Alert type="warning" role="alert" title={t('location.conflictTitle')}>
                  <p className="utrecht-paragraph">{t('location.conflict')}</p>
                </Alert>
              ) : null
            }
            cancel={
              <Button appearance="secondary" onClick={stopEditing}>
                {t('common.cancel')}
              </Button>
            }
          />
        </section>
      ) : (
        <section className="eh-section" aria-labelledby="location-details-heading">
          <Heading level={2} id="location-details-heading">
            {t('common.details')}
          </Heading>
          <DataList
            items={[
              { key: 'address', label: t('field.address'), value: location.address ?? t('common.empty') },
              { key: 'municipality', label: t('field.municipality'), value: location.municipality },
              { key: 'district', label: t('field.district'), value: location.district ?? t('common.empty') },
              { key: 'form', label: t('field.form'), value: t(`form.${location.form}`) },
              { key: 'mode', label: t('field.deliveryMode'), value: t(`deliveryMode.${location.deliveryMode}`) },
              { key: 'corporation', label: t('field.corporation'), value: location.corporation ?? t('common.empty') },
              { key: 'provider', label: t('field.provider'), value: location.provider ?? t('common.empty') },
              { key: 'expected', label: t('field.expectedDate'), value: format.date(location.expectedDate) },
            ]}
          />
        </section>
      )}

      <section className="eh-section" aria-labelledby="location-units-heading">
        <Heading level={2} id="location-units-heading">
          {t('location.units')}
        </Heading>
        {location.units.length === 0 ? (
          <Empty>{t('location.unitsEmpty')}</Empty>
        ) : (
          <Table caption={t('location.units')} hideCaption>
            <THead>
              <Tr>
                <Th>{t('field.unitLabel')}</Th>
                <Th>{t('field.status')}</Th>
                <Th>{t('field.statusSince')}</Th>
                <Th>{t('field.form')}</Th>
                <Th numeric>{t('field.rooms')}</Th>
              </Tr>
            </THead>
            <TBody>
              {location.units.map((unit) => (
                <Tr key={unit.id}>
                  <Th scope="row">
                    <AppLink to={`/units/${unit.id}`}>{unit.label || t('common.noName')}</AppLink>
                  </Th>
                  <Td>
                    <StatusBadge status={unit.status} />
                  </Td>
                  <Td className="eh-nowrap">{format.date(unit.statusSince)}</Td>
                  <Td>{t(`form.${unit.form}`)}</Td>
                  <Td numeric>{format.number(unit.rooms)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      {me.roles.some((role) => NEIGHBOURHOOD_ROLES.includes(role)) ? <NeighbourhoodSection locationId={location.id} /> : null}
    </>
  );
}

/** Roles that may ask for a building's neighbourhood (the server decides per location; care staff of another provider get a 403 shown as an error). */
const NEIGHBOURHOOD_ROLES: string[] = ['programme_office', 'care_worker', 'care_manager', 'corporation', 'municipality'];
