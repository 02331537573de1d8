import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RadioGroup } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { labAccess, useResearchExport, useResearchExports } from '../lab/api';

/**
 * /onderzoek: the pseudonymised research export for researchers — what it contains and how the
 * people in it are protected, the choice of format and dates, the download — and the list of
 * earlier exports (also for the privacy officer and the programme office).
 */
export function ResearchExportPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('research.title'));
  const canExport = labAccess.researchExport(me);
  const canList = labAccess.researchList(me);
  return (
    <>
      <Heading level={1}>{t('research.title')}</Heading>
      {!canList ? (
        <Alert type="info" id="research-no-access">
          <p className="utrecht-paragraph">{t('research.noAccess')}</p>
        </Alert>
      ) : (
        <>
          <Explanation />
          {canExport ? <ExportForm /> : <Paragraph>{t('research.onlyResearchers')}</Paragraph>}
          <EarlierExports />
        </>
      )}
    </>
  );
}

function Explanation() {
  const t = useT();
  return (
    <section aria-labelledby="research-what" className="eh-prose">
      <Paragraph lead>{t('research.intro')}</Paragraph>
      <Heading level={2} id="research-what">
        {t('research.contentsTitle')}
      </Heading>
      <Paragraph>{t('research.contents')}</Paragraph>
      <Heading level={2} id="research-protection">
        {t('research.protectionTitle')}
      </Heading>
      <ul className="utrecht-unordered-list" aria-labelledby="research-protection">
        <li>{t('research.protect.consent')}</li>
        <li>{t('research.protect.leastData')}</li>
        <li>{t('research.protect.pseudonyms')}</li>
        <li>{t('research.protect.dates')}</li>
        <li>{t('research.protect.freeText')}</li>
        <li>{t('research.protect.smallCells')}</li>
        <li>{t('research.protect.logged')}</li>
      </ul>
    </section>
  );
}

function ExportForm() {
  const t = useT();
  const me = useCurrentUser();
  const { programme } = useProgrammeSelection();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [dateMode, setDateMode] = useState<'shift' | 'month'>('shift');
  const exportData = useResearchExport(programme?.id, me.csrfToken);
  const problem = useProblem(exportData.error);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (done) document.getElementById('research-done')?.focus();
  }, [done]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    exportData.mutate({ format, dateMode }, { onSuccess: (file) => setDone(file.filename) });
  };

  if (!programme) return <Empty>{t('research.noProgramme')}</Empty>;
  return (
    <section aria-labelledby="research-make">
      <Heading level={2} id="research-make">
        {t('research.makeTitle')}
      </Heading>
      <form className="eh-form" noValidate onSubmit={submit}>
        <RadioGroup
          id="research-format"
          legend={t('research.format')}
          value={format}
          onChange={(v) => setFormat(v === 'json' ? 'json' : 'csv')}
          options={[
            { value: 'csv', label: t('research.formatCsv') },
            { value: 'json', label: t('research.formatJson') },
          ]}
        />
        <RadioGroup
          id="research-dates"
          legend={t('research.dateMode')}
          value={dateMode}
          onChange={(v) => setDateMode(v === 'month' ? 'month' : 'shift')}
          options={[
            { value: 'shift', label: t('research.dateShift') },
            { value: 'month', label: t('research.dateMonth') },
          ]}
        />
        <Paragraph>{t('research.logged')}</Paragraph>
        <Button id="research-submit" type="submit" appearance="primary" busy={exportData.isPending} disabled={exportData.isPending}>
          {exportData.isPending ? t('research.preparing') : t('research.download')}
        </Button>
      </form>
      {done ? (
        <Alert type="ok" role="status" id="research-done" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('research.done', { file: done })}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} id="research-problem" />
    </section>
  );
}

function EarlierExports() {
  const t = useT();
  const f = useFormat();
  const list = useResearchExports(true);
  return (
    <section aria-labelledby="research-earlier">
      <Heading level={2} id="research-earlier">
        {t('research.earlier')}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('research.none')}</Empty>
      ) : (
        <Table caption={t('research.earlierCaption')} hideCaption id="research-exports">
          <THead>
            <Tr>
              <Th>{t('research.when')}</Th>
              <Th>{t('research.by')}</Th>
              <Th>{t('research.format')}</Th>
              <Th>{t('research.dateMode')}</Th>
              <Th>{t('research.participants')}</Th>
              <Th>{t('research.generalised')}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((x) => (
              <Tr key={x.id}>
                <Td>{f.dateTime(x.createdAt)}</Td>
                <Td>{[x.by, x.organisation].filter(Boolean).join(', ') || '—'}</Td>
                <Td>{x.format === 'csv' ? t('research.formatCsv') : t('research.formatJson')}</Td>
                <Td>{x.dateMode === 'shift' ? t('research.dateShiftShort') : t('research.dateMonthShort')}</Td>
                <Td>{f.number(x.participants)}</Td>
                <Td>{f.number(x.generalised)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
