import { useState } from 'react';
import { useOffers, type Offer, type OfferStatus } from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup, ButtonLink } from '../../components/Button';
import { NEW_PROPOSAL_PATH, RULES_PATH } from './proposalPaths';
import { SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useBilingual, useFormat, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { matchingAccess, OFFER_DASHBOARD_PATH, offerPath } from './access';

/**
 * /aanbiedingen: the offers the user is party to (GET /api/v1/offers; default the running ones).
 * Ids: `offers-status`, `offers-table` (rows `data-unit`), `offers-dashboard-link`.
 */
export function OffersPage() {
  const t = useT();
  const me = useCurrentUser();
  const format = useFormat();
  const text = useBilingual();
  const { programme } = useProgrammeSelection();
  usePageTitle(t('offers.title'));
  const [status, setStatus] = useState<OfferStatus | ''>('');
  const allowed = matchingAccess.offers(me);
  const offers = useOffers({ programmeId: programme?.id, status: status || undefined }, allowed);
  const items: Offer[] = offers.data?.pages.flatMap((p) => p.items) ?? [];
  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('offers.title')}</Heading>
        <Alert type="info" id="offers-no-access">
          <p className="utrecht-paragraph">{t('offers.noAccess')}</p>
        </Alert>
      </>
    );
  }
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('offers.title')}</Heading>
        <ButtonGroup>
          {matchingAccess.office(me) ? (
            <>
              <ButtonLink id="offers-dashboard-link" to={OFFER_DASHBOARD_PATH}>
                {t('offerDashboard.title')}
              </ButtonLink>
              <ButtonLink id="offers-new-proposal-link" to={NEW_PROPOSAL_PATH}>
                {t('proposals.link')}
              </ButtonLink>
            </>
          ) : null}
          <ButtonLink id="offers-rules-link" to={RULES_PATH}>
            {t('eligibilityRules.link')}
          </ButtonLink>
        </ButtonGroup>
      </div>
      <Paragraph>{t('offers.intro')}</Paragraph>
      <SelectField
        id="offers-status"
        label={t('offers.filterStatus')}
        value={status}
        onChange={(v) => setStatus(v as OfferStatus | '')}
        emptyLabel={t('offers.running')}
        options={(['open', 'decline_review', 'succeeded', 'declined', 'cancelled'] as const).map((s) => ({ value: s, label: t(`offerStatus.${s}`) }))}
      />
      {offers.isPending ? (
        <Loading />
      ) : offers.isError ? (
        <QueryError error={offers.error} onRetry={() => void offers.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('offers.empty')}</Empty>
      ) : (
        <>
          <Table caption={t('offers.title')} hideCaption id="offers-table">
            <THead>
              <Tr>
                <Th>{t('offers.field.unit')}</Th>
                <Th>{t('offers.field.candidate')}</Th>
                <Th>{t('offers.field.route')}</Th>
                <Th>{t('offers.field.step')}</Th>
                <Th>{t('field.status')}</Th>
                <Th>{t('offers.field.due')}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((o) => (
                <tr key={o.id} className="utrecht-table__row" data-unit={o.unit.label}>
                  <Th scope="row">
                    <AppLink to={offerPath(o.id)}>{o.unit.label}</AppLink>
                    {o.unit.location ? <span className="eh-muted"> — {o.unit.location}</span> : null}
                  </Th>
                  <Td>{o.participant.name ?? o.participant.code ?? t('calls.hiddenPerson')}</Td>
                  <Td>{t(`deliveryMode.${o.route}`)}</Td>
                  <Td>{text(o.stepLabel)}</Td>
                  <Td>
                    {t(`offerStatus.${o.status}`)}
                    {o.stalled ? <strong> ({t('offers.stalled')})</strong> : null}
                  </Td>
                  <Td>{o.status === 'open' ? format.date(o.dueOn) : t('common.empty')}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
          {offers.hasNextPage ? (
            <Button busy={offers.isFetchingNextPage} onClick={() => void offers.fetchNextPage()}>
              {offers.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
