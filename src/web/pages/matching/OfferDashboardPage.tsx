import { useState } from 'react';
import { useOfferDashboard } from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink } from '../../components/Button';
import { SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { matchingAccess, OFFERS_PATH, rankingPath } from './access';

/**
 * /aanbiedingen/overzicht (the office): running offers per step and age, time per step, declines
 * by party and reason, outcomes and homes waiting long (GET /api/v1/offers/dashboard).
 * Ids: `dash-vacancy-days`, `dash-open`, `dash-times`, `dash-declines`, `dash-outcomes`, `dash-vacancies`.
 */
export function OfferDashboardPage() {
  const t = useT();
  const me = useCurrentUser();
  const format = useFormat();
  const { programme } = useProgrammeSelection();
  usePageTitle(t('offerDashboard.title'));
  const [vacancyDays, setVacancyDays] = useState('30');
  const allowed = matchingAccess.office(me);
  const dash = useOfferDashboard(programme?.id, Number(vacancyDays), allowed);
  const reason = (r: string) => t(`declineReason.${r}` as 'declineReason.other');
  return (
    <>
      <p className="eh-back">
        <AppLink to={OFFERS_PATH}>{t('offers.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('offerDashboard.title')}</Heading>
      {!allowed ? (
        <Alert type="info" id="dash-office-only">
          <p className="utrecht-paragraph">{t('ranking.officeOnly')}</p>
        </Alert>
      ) : dash.isPending ? (
        <Loading />
      ) : dash.isError ? (
        <QueryError error={dash.error} onRetry={() => void dash.refetch()} />
      ) : (
        <>
          <Paragraph>{t('offerDashboard.asOf', { date: format.date(dash.data.asOf) })}</Paragraph>

          <section className="eh-section" aria-labelledby="dash-outcomes-heading">
            <Heading level={2} id="dash-outcomes-heading">
              {t('offerDashboard.outcomes')}
            </Heading>
            <Table caption={t('offerDashboard.outcomes')} hideCaption id="dash-outcomes">
              <THead>
                <Tr>
                  {(['running', 'succeeded', 'declined', 'cancelled'] as const).map((k) => (
                    <Th key={k} numeric>
                      {t(`offerDashboard.outcome.${k}`)}
                    </Th>
                  ))}
                </Tr>
              </THead>
              <TBody>
                <Tr>
                  {(['running', 'succeeded', 'declined', 'cancelled'] as const).map((k) => (
                    <Td key={k} numeric>
                      {dash.data.outcomes[k]}
                    </Td>
                  ))}
                </Tr>
              </TBody>
            </Table>
          </section>

          <section className="eh-section" aria-labelledby="dash-open-heading">
            <Heading level={2} id="dash-open-heading">
              {t('offerDashboard.openByStep')}
            </Heading>
            {dash.data.openByStep.length === 0 ? (
              <Empty>{t('offerDashboard.noneOpen')}</Empty>
            ) : (
              <Table caption={t('offerDashboard.openByStep')} hideCaption id="dash-open">
                <THead>
                  <Tr>
                    <Th>{t('offers.field.route')}</Th>
                    <Th>{t('offers.field.step')}</Th>
                    <Th numeric>{t('offerDashboard.open')}</Th>
                    <Th numeric>{t('offerDashboard.underReview')}</Th>
                    <Th numeric>{t('offerDashboard.stalled')}</Th>
                    <Th numeric>{t('offerDashboard.upTo7')}</Th>
                    <Th numeric>{t('offerDashboard.upTo14')}</Th>
                    <Th numeric>{t('offerDashboard.upTo30')}</Th>
                    <Th numeric>{t('offerDashboard.over30')}</Th>
                    <Th numeric>{t('offerDashboard.oldest')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {dash.data.openByStep.map((r) => (
                    <Tr key={`${r.route}-${r.step}`}>
                      <Td>{t(`deliveryMode.${r.route}`)}</Td>
                      <Th scope="row">{t(`offerStep.${r.step}`)}</Th>
                      <Td numeric>{r.open}</Td>
                      <Td numeric>{r.underReview}</Td>
                      <Td numeric>{r.stalled}</Td>
                      <Td numeric>{r.ages.upTo7}</Td>
                      <Td numeric>{r.ages.upTo14}</Td>
                      <Td numeric>{r.ages.upTo30}</Td>
                      <Td numeric>{r.ages.over30}</Td>
                      <Td numeric>{r.oldestDays}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>

          <section className="eh-section" aria-labelledby="dash-times-heading">
            <Heading level={2} id="dash-times-heading">
              {t('offerDashboard.times')}
            </Heading>
            {dash.data.timeBetweenSteps.length === 0 ? (
              <Empty>{t('offerDashboard.noTimes')}</Empty>
            ) : (
              <Table caption={t('offerDashboard.times')} hideCaption id="dash-times">
                <THead>
                  <Tr>
                    <Th>{t('offers.field.route')}</Th>
                    <Th>{t('offers.field.step')}</Th>
                    <Th numeric>{t('offerDashboard.completed')}</Th>
                    <Th numeric>{t('offerDashboard.median')}</Th>
                    <Th numeric>{t('offerDashboard.p90')}</Th>
                    <Th numeric>{t('offerDashboard.max')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {dash.data.timeBetweenSteps.map((r) => (
                    <Tr key={`${r.route}-${r.step}`}>
                      <Td>{t(`deliveryMode.${r.route}`)}</Td>
                      <Th scope="row">{t(`offerStep.${r.step}`)}</Th>
                      <Td numeric>{r.completed}</Td>
                      <Td numeric>{format.number(r.medianDays)}</Td>
                      <Td numeric>{format.number(r.p90Days)}</Td>
                      <Td numeric>{format.number(r.maxDays)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>

          <section className="eh-section" aria-labelledby="dash-declines-heading">
            <Heading level={2} id="dash-declines-heading">
              {t('offerDashboard.declines')}
            </Heading>
            {dash.data.declinesByParty.length === 0 ? (
              <Empty>{t('offerDashboard.noDeclines')}</Empty>
            ) : (
              <Table caption={t('offerDashboard.declines')} hideCaption id="dash-declines">
                <THead>
                  <Tr>
                    <Th>{t('offers.field.party')}</Th>
                    <Th>{t('offers.field.reason')}</Th>
                    <Th numeric>{t('offerDashboard.total')}</Th>
                    <Th numeric>{t('reviewOutcome.confirm')}</Th>
                    <Th numeric>{t('reviewOutcome.override')}</Th>
                    <Th numeric>{t('reviewOutcome.return')}</Th>
                    <Th numeric>{t('offerDashboard.pending')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {dash.data.declinesByParty.map((r) => (
                    <Tr key={`${r.party}-${r.reason}`}>
                      <Td>{t(`declineParty.${r.party}`)}</Td>
                      <Th scope="row">{reason(r.reason)}</Th>
                      <Td numeric>{r.total}</Td>
                      <Td numeric>{r.confirmed}</Td>
                      <Td numeric>{r.overridden}</Td>
                      <Td numeric>{r.returned}</Td>
                      <Td numeric>{r.pending}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>

          <section className="eh-section" aria-labelledby="dash-vacancies-heading">
            <Heading level={2} id="dash-vacancies-heading">
              {t('offerDashboard.vacancies')}
            </Heading>
            <SelectField
              id="dash-vacancy-days"
              label={t('offerDashboard.vacancyDays')}
              value={vacancyDays}
              onChange={setVacancyDays}
              options={['0', '14', '30', '60', '90', '180'].map((d) => ({ value: d, label: t('offers.parkDays', { days: d }) }))}
            />
            {dash.data.vacancies.length === 0 ? (
              <Empty>{t('offerDashboard.noVacancies')}</Empty>
            ) : (
              <Table caption={t('offerDashboard.vacancies')} hideCaption id="dash-vacancies">
                <THead>
                  <Tr>
                    <Th>{t('offers.field.unit')}</Th>
                    <Th>{t('field.municipality')}</Th>
                    <Th>{t('offerDashboard.availableSince')}</Th>
                    <Th numeric>{t('offerDashboard.days')}</Th>
                    <Th numeric>{t('offerDashboard.openOffers')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {dash.data.vacancies.map((v) => (
                    <Tr key={v.unitId}>
                      <Th scope="row">
                        <AppLink to={rankingPath(v.unitId)}>{v.label}</AppLink>
                        {v.location ? <span className="eh-muted"> — {v.location}</span> : null}
                      </Th>
                      <Td>{v.municipality}</Td>
                      <Td>{format.date(v.availableSince)}</Td>
                      <Td numeric>{v.days}</Td>
                      <Td numeric>{v.openOffers}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>
        </>
      )}
    </>
  );
}
