import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { AppLink } from '../../components/Button';
import { DataList } from '../../components/DataList';
import { SelectField } from '../../components/FormField';
import { Heading } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, LoadMore, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser } from '../../session';
import { guidanceAccess, guidancePath } from './access';
import { useCaseload } from './api';
import './guidance.css';

/**
 * /begeleiding: the caseload of the caller's organisation (care provider or neighbourhood team);
 * the programme office chooses any organisation. Overdue reviews are highlighted; the table sorts
 * by review date (default) or by code. Ids: `caseload-heading`, `caseload-organisation`,
 * `caseload-totals`, `caseload-table`, `caseload-sort`.
 */
export function CaseloadPage() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const office = guidanceAccess.office(me);
  usePageTitle(t('guidance.caseload'));
  const [organisationId, setOrganisationId] = useState('');
  const [sort, setSort] = useState<'review' | 'code'>('review');
  const orgs = useQuery({
    queryKey: ['organisations', 'guiding'],
    queryFn: async () => [...(await api.organisations('care_provider')), ...(await api.organisations('neighbourhood_team'))],
    enabled: office,
  });
  const caseload = useCaseload({ organisationId: organisationId || undefined, sort });
  const first = caseload.data?.pages[0];
  const items = caseload.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Heading level={1} id="caseload-heading">
        {t('guidance.caseload')}
        {first ? <span className="eh-muted"> {first.organisation.name}</span> : null}
      </Heading>
      {office ? (
        <SelectField
          id="caseload-organisation"
          label={t('guidance.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          emptyLabel={t('guidance.choose')}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <SelectField
        id="caseload-sort"
        label={t('guidance.sortBy')}
        value={sort}
        onChange={(v) => setSort(v === 'code' ? 'code' : 'review')}
        options={[
          { value: 'review', label: t('guidance.sort.review') },
          { value: 'code', label: t('guidance.sort.code') },
        ]}
      />
      {caseload.isPending ? (
        <Loading />
      ) : caseload.isError ? (
        <QueryError error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : (
        <>
          {first ? (
            <div id="caseload-totals">
              <DataList
                items={[
                  { key: 'participants', label: t('guidance.totalParticipants'), value: format.number(first.totals.participants) },
                  { key: 'hours', label: t('guidance.totalHours'), value: format.number(first.totals.hoursPerWeek) },
                  { key: 'overdue', label: t('guidance.totalOverdue'), value: format.number(first.totals.overdueReviews) },
                ]}
              />
            </div>
          ) : null}
          {items.length === 0 ? (
            <Empty>{t('guidance.caseloadEmpty')}</Empty>
          ) : (
            <>
              <Table caption={t('guidance.caseload')} hideCaption id="caseload-table">
                <THead>
                  <Tr>
                    <Th>{t('guidance.participant')}</Th>
                    <Th>{t('guidance.since')}</Th>
                    <Th numeric>{t('guidance.hoursPerWeek')}</Th>
                    <Th>{t('guidance.levelLabel')}</Th>
                    <Th aria-sort={sort === 'review' ? 'ascending' : undefined}>{t('guidance.reviewDue')}</Th>
                    <Th>{t('guidance.lastContact')}</Th>
                    <Th numeric>{t('guidance.openGoals')}</Th>
                    <Th>{t('guidance.leaseHolder')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {items.map((x) => (
                    <Tr key={x.episodeId} className={x.reviewOverdue ? 'eh-row--overdue' : undefined}>
                      <Th scope="row">
                        <AppLink to={guidancePath(x.participant.code)}>{x.participant.name ? `${x.participant.name} (${x.participant.code})` : x.participant.code}</AppLink>
                      </Th>
                      <Td>{format.date(x.startDate)}</Td>
                      <Td numeric>{format.number(x.hoursPerWeek)}</Td>
                      <Td>{t(`guidance.level.${x.level}` as MessageKey)}</Td>
                      <Td>
                        {format.date(x.reviewDueOn)}{' '}
                        {x.reviewOverdue ? <span className="eh-tag eh-tag--warning">{t('guidance.overdue')}</span> : null}
                      </Td>
                      <Td>{x.lastContactOn ? format.date(x.lastContactOn) : t('common.empty')}</Td>
                      <Td numeric>{x.openGoals}</Td>
                      <Td>{x.leaseHolder ? t(`guidance.leaseHolder.${x.leaseHolder}` as MessageKey) : t('common.empty')}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <LoadMore query={caseload} id="caseload-more" />
            </>
          )}
        </>
      )}
    </>
  );
}
