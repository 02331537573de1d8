import { useNavigate } from 'react-router';
import { useCreateLocation } from '../../api/hooks';
import { Alert } from '../../components/Alert';
import { AppLink, ButtonLink } from '../../components/Button';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { useProblem } from '../../components/States';
import { optional } from '../../formErrors';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { emptyLocation, LocationForm } from './LocationForm';

export function LocationNewPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateLocation();
  const problem = useProblem(create.error);
  usePageTitle(t('locationNew.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to="/locations">{t('location.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('locationNew.title')}</Heading>
      {!me.abilities.manageLocations ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('locationNew.noPermission')}</p>
        </Alert>
      ) : (
        <ProgrammeGate>
          {(programme) => (
            <LocationForm
              idPrefix="location"
              initial={emptyLocation}
              problem={problem}
              busy={create.isPending}
              submitLabel={t('locationNew.submit')}
              cancel={
                <ButtonLink to="/locations" appearance="secondary">
                  {t('common.cancel')}
                </ButtonLink>
              }
              onSubmit={(values) =>
                create.mutate(
                  {
                    programmeId: programme.id,
                    name: values.name.trim(),
                    address: optional(values.address),
                    municipalityId: values.municipalityId,
                    district: optional(values.district),
                    form: values.form,
                    deliveryMode: values.deliveryMode,
                    corporationId: optional(values.corporationId),
                    providerId: optional(values.providerId),
                    expectedDate: optional(values.expectedDate),
                  },
                  { onSuccess: (location) => navigate(`/locations/${location.id}`, { state: { created: true } }) },
                )
              }
            />
          )}
        </ProgrammeGate>
      )}
    </>
  );
}
