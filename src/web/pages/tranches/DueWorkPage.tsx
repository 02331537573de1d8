import { Link } from 'react-router';
import { tranchesAccess, useDueWork } from '../../api/tranches';
import { Alert } from '../../components/Alert';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useI18n } from '../../i18n';
import { useCurrentUser } from '../../session';

/** "Te doen": the caller's open due work (reviews, incidents open too long, tranche deadlines). */
export function DueWorkPage() {
  const { t, lang } = useI18n();
  const format = useFormat();
  const me = useCurrentUser();
  usePageTitle(t('tranches.due.title'));
  const allowed = tranchesAccess.dueWork(me);
  const list = useDueWork(allowed);
  return (
    <>
      <Heading level={1}>{t('tranches.due.title')}</Heading>
      <Paragraph>{t('tranches.due.intro')}</Paragraph>
      {!allowed ? (
        <Alert type="info">{t('tranches.due.noAccess')}</Alert>
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('tranches.due.empty')}</Empty>
      ) : (
        <Table caption={t('tranches.due.caption')} hideCaption id="due-work">
          <THead>
            <Tr>
              <Th>{t('tranches.due.dueOn')}</Th>
              <Th>{t('tranches.due.kind')}</Th>
              <Th>{t('tranches.due.what')}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((item) => (
              <Tr key={`${item.kind}-${item.subjectId}`}>
                <Th scope="row" className="eh-nowrap">
                  {format.date(item.dueOn)}
                  {item.overdue ? <strong> — {t('tranches.due.overdue')}</strong> : null}
                </Th>
                <Td>{t(`tranches.due.kind.${item.kind}`)}</Td>
                <Td>
                  {item.link ? <Link to={item.link}>{item.title[lang]}</Link> : item.title[lang]}
                  <p className="utrecht-paragraph">{item.body[lang]}</p>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
