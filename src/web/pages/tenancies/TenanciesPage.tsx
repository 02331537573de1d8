import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { AppLink } from '../../components/Button';
import { SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, LoadMore, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { LEASE_HOLDERS, tenanciesAccess, tenancyPath, useTenancies, type LeaseHolder, type Tenancy } from './api';

/**
 * /huurcontracten: the tenancies the user may see (GET /api/v1/tenancies), newest first, with
 * filters on status and lease holder. Ids: `tenancies-status`, `tenancies-holder`,
 * `tenancies-table` (rows `data-tenancy`), `tenancies-more`.
 */
export function TenanciesPage() {
  const t = useT();
  const me = useCurrentUser();
  const format = useFormat();
  const { programme } = useProgrammeSelection();
  usePageTitle(t('tenancies.title'));
  const [status, setStatus] = useState<'current' | 'ended' | ''>('current');
  const [holder, setHolder] = useState<LeaseHolder | ''>('');
  const allowed = tenanciesAccess.use(me);
  const list = useTenancies({ programmeId: programme?.id, status: status || undefined, leaseHolder: holder || undefined }, allowed);
  const items: Tenancy[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('tenancies.title')}</Heading>
        <Alert type="info" id="tenancies-no-access">
          <p className="utrecht-paragraph">{t('tenancies.noAccess')}</p>
        </Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t('tenancies.title')}</Heading>
      <Paragraph>{t('tenancies.intro')}</Paragraph>
      <div className="eh-filters">
        <SelectField
          id="tenancies-status"
          label={t('tenancies.filter.status')}
          value={status}
          onChange={(v) => setStatus(v as 'current' | 'ended' | '')}
          emptyLabel={t('tenancies.filter.all')}
          options={[
            { value: 'current', label: t('tenancies.status.current') },
            { value: 'ended', label: t('tenancies.status.ended') },
          ]}
        />
        <SelectField
          id="tenancies-holder"
          label={t('tenancies.field.leaseHolder')}
          value={holder}
          onChange={(v) => setHolder(v as LeaseHolder | '')}
          emptyLabel={t('tenancies.filter.all')}
          options={LEASE_HOLDERS.map((h) => ({ value: h, label: t(`tenancies.holder.${h}`) }))}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('tenancies.empty')}</Empty>
      ) : (
        <>
          <Table caption={t('tenancies.title')} hideCaption id="tenancies-table">
            <THead>
              <Tr>
                <Th>{t('tenancies.field.home')}</Th>
                <Th>{t('tenancies.field.tenant')}</Th>
                <Th>{t('tenancies.field.leaseHolder')}</Th>
                <Th>{t('tenancies.field.start')}</Th>
                <Th>{t('tenancies.field.movedIn')}</Th>
                <Th>{t('tenancies.field.flipped')}</Th>
                <Th>{t('tenancies.field.end')}</Th>
                <Th>{t('tenancies.field.parties')}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((x) => (
                <tr key={x.id} className="utrecht-table__row" data-tenancy={x.id}>
                  <Th scope="row">
                    <AppLink to={tenancyPath(x.id)}>{x.unit.label ?? t('tenancies.protectedAddress')}</AppLink>
                    {x.unit.location ? <span className="eh-muted"> — {x.unit.location}</span> : null}
                  </Th>
                  <Td>{x.participant.code ?? t('common.empty')}</Td>
                  <Td>{t(`tenancies.holder.${x.leaseHolder}`)}</Td>
                  <Td>{format.date(x.startDate)}</Td>
                  <Td>{format.date(x.movedInOn)}</Td>
                  <Td>{format.date(x.flippedOn)}</Td>
                  <Td>{x.endDate ? `${format.date(x.endDate)} (${t(`tenancies.reason.${x.endReason ?? 'other'}`)})` : t('common.empty')}</Td>
                  <Td>
                    {x.provider?.name ?? t('common.empty')} / {x.corporation?.name ?? t('common.empty')}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <LoadMore query={list} id="tenancies-more" />
        </>
      )}
    </>
  );
}
