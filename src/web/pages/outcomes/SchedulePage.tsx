import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, LoadMore, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useOrganisations } from '../../api/hooks';
import { useFormat, useI18n } from '../../i18n';
import { useCurrentUser } from '../../session';
import { outcomesAccess, useSchedule, zrmPath } from './api';

/** "Metingen": ZRM measurements due and overdue per care provider. */
export function SchedulePage() {
  const { t } = useI18n();
  const format = useFormat();
  const me = useCurrentUser();
  usePageTitle(t('outcomes.schedule.title'));
  const office = outcomesAccess.office(me);
  const [organisationId, setOrganisationId] = useState(office ? '' : me.organisation.id);
  const [status, setStatus] = useState<'due' | 'overdue'>('overdue');
  const providers = useOrganisations('care_provider');
  const allowed = outcomesAccess.measure(me);
  const orgId = organisationId || (office ? providers.data?.[0]?.id ?? '' : me.organisation.id);
  const list = useSchedule(orgId, status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Heading level={1}>{t('outcomes.schedule.title')}</Heading>
      <Paragraph>{t('outcomes.schedule.intro')}</Paragraph>
      {!allowed ? <Alert type="info">{t('outcomes.schedule.noAccess')}</Alert> : (
        <>
          <div className="eh-filters">
            {office ? (
              <SelectField id="schedule-org" label={t('outcomes.schedule.organisation')} value={orgId} onChange={setOrganisationId}
                options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            ) : null}
            <SelectField id="schedule-status" label={t('outcomes.schedule.status')} value={status} onChange={(v) => setStatus(v as 'due' | 'overdue')}
              options={[{ value: 'overdue', label: t('outcomes.status.overdue') }, { value: 'due', label: t('outcomes.status.due') }]} />
          </div>
          {list.isPending ? <Loading /> : list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
            <Empty>{t('outcomes.schedule.empty')}</Empty>
          ) : (
            <>
              <Table caption={t('outcomes.schedule.caption')} hideCaption id="schedule-table">
                <THead>
                  <Tr><Th>{t('outcomes.schedule.dueOn')}</Th><Th>{t('outcomes.schedule.participant')}</Th><Th>{t('outcomes.zrm.moment')}</Th><Th>{t('outcomes.schedule.status')}</Th></Tr>
                </THead>
                <TBody>
                  {items.map((i) => (
                    <Tr key={`${i.participant.id}-${i.moment}`}>
                      <Th scope="row" className="eh-nowrap">{format.date(i.dueOn)}</Th>
                      <Td><Link to={zrmPath(i.participant.id)}>{i.participant.code}</Link></Td>
                      <Td>{t(`outcomes.moment.${i.moment}`)}</Td>
                      <Td>{t(`outcomes.status.${i.status}`)}{i.daysOverdue > 0 ? ` — ${t('outcomes.schedule.daysOverdue', { days: i.daysOverdue })}` : ''}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              <LoadMore query={list} />
            </>
          )}
        </>
      )}
    </>
  );
}
