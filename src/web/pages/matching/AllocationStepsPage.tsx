import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ALLOCATION_EXPORT_URL, notificationsAccess, useImportSteps, type StepImportReport } from '../../api/notifications';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProblemAlert, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser } from '../../session';
import { offerPath } from './access';

/** The server takes at most 900 000 characters (allocation.schema.ts: ImportStepsBody). */
const MAX_CHARS = 900_000;
const STEPS = ['provider_proposal', 'corporation_decision', 'receipt', 'offer_to_candidate', 'viewing', 'candidate_decision', 'contract'];

/** Reads a file as text; a file that is not UTF-8 (e.g. saved by Excel) is read again as Windows-1252. */
function readFile(file: File): Promise<string> {
  const read = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.readAsText(file, encoding);
    });
  return read('utf-8').then((text) => (text.includes('\uFFFD') ? read('windows-1252') : text));
}

/**
 * /toewijzing/stappen: Het Vierde Huis's bookkeeping of the scattered route. Download the CSV of
 * every step (GET /api/v1/allocation-steps/export, allocation office and programme office), fill
 * in the events and upload it again (POST /api/v1/allocation-steps/imports, allocation office).
 * Ids: `steps-export`, `steps-form`, `steps-file` (`-error`), `steps-submit`, `steps-report`
 * (`steps-applied`, `steps-skipped`, `steps-rows`), `steps-error`.
 */
export function AllocationStepsPage() {
  const t = useT();
  const me = useCurrentUser();
  const format = useFormat();
  usePageTitle(t('allocationSteps.title'));
  const canExport = notificationsAccess.exportSteps(me);
  const canImport = notificationsAccess.importSteps(me);
  const upload = useImportSteps();
  const problem = useProblem(upload.error);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<StepImportReport | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  if (!canExport) {
    return (
      <>
        <Heading level={1}>{t('allocationSteps.title')}</Heading>
        <Alert type="info" id="steps-no-access">
          <p className="utrecht-paragraph">{t('allocationSteps.noAccess')}</p>
        </Alert>
      </>
    );
  }

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(null);
    setFileError(null);
    setReport(null);
    upload.reset();
    if (!chosen) return;
    if (chosen.size === 0) {
      setFileError(t('allocationSteps.emptyFile'));
      return;
    }
    setReading(true);
    readFile(chosen)
      .then((text) => {
        if (text.trim() === '') setFileError(t('allocationSteps.emptyFile'));
        else if (text.length > MAX_CHARS) setFileError(t('allocationSteps.tooLarge', { max: format.number(MAX_CHARS) }));
        else setFile({ name: chosen.name, text });
      })
      .catch(() => setFileError(t('allocationSteps.readFailed')))
      .finally(() => setReading(false));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(fileError ?? t('allocationSteps.chooseFile'));
      document.getElementById('steps-file')?.focus();
      return;
    }
    upload.mutate(file.text, { onSuccess: (data) => setReport(data) });
  };

  const stepLabel = (step: string) => (STEPS.includes(step) ? t(`offerStep.${step}` as MessageKey) : step);
  const problemLines = problem?.paths ? Object.entries(problem.paths).filter(([path]) => path !== 'csv' || !problem.fields.csv) : [];
  const describedBy = ['steps-file-description', fileError ? 'steps-file-error' : null].filter(Boolean).join(' ');

  return (
    <>
      <Heading level={1}>{t('allocationSteps.title')}</Heading>
      <Paragraph>{t('allocationSteps.intro')}</Paragraph>

      <Heading level={2}>{t('allocationSteps.exportTitle')}</Heading>
      <Paragraph>{t('allocationSteps.exportHelp')}</Paragraph>
      <ButtonGroup>
        {/* a plain link: the server answers text/csv as an attachment */}
        <a
          id="steps-export"
          href={ALLOCATION_EXPORT_URL}
          download
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          {t('allocationSteps.export')}
        </a>
      </ButtonGroup>

      <Heading level={2}>{t('allocationSteps.importTitle')}</Heading>
      {canImport ? (
        <form id="steps-form" noValidate onSubmit={onSubmit}>
          <div className={`utrecht-form-field utrecht-form-field--file${fileError ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="steps-file">
                {t('allocationSteps.file')}
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id="steps-file-description">
              {t('allocationSteps.fileHelp')}
            </div>
            {fileError ? (
              <div className="utrecht-form-field-error-message eh-field-error" id="steps-file-error">
                {fileError}
              </div>
            ) : null}
            <input
              id="steps-file"
              name="steps-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              className="eh-file-input"
              onChange={onFile}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={describedBy}
            />
          </div>
          {reading ? (
            <p className="utrecht-paragraph" role="status">
              {t('allocationSteps.reading')}
            </p>
          ) : file ? (
            <p className="utrecht-paragraph" id="steps-file-summary">
              {t('allocationSteps.fileChosen', { name: file.name })}
            </p>
          ) : null}
          <ButtonGroup>
            <Button id="steps-submit" type="submit" appearance="primary" busy={upload.isPending} disabled={upload.isPending || reading}>
              {upload.isPending ? t('allocationSteps.uploading') : t('allocationSteps.upload')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <Alert type="info" id="steps-read-only">
          <p className="utrecht-paragraph">{t('allocationSteps.readOnly')}</p>
        </Alert>
      )}

      {problem ? (
        <div id="steps-error">
          <ProblemAlert problem={{ ...problem, fields: {} }} />
          {problemLines.length > 0 ? (
            <ul className="utrecht-unordered-list" id="steps-error-lines" aria-label={t('allocationSteps.errors')}>
              {problemLines.map(([path, message]) => (
                <li key={path} className="utrecht-unordered-list__item">
                  {path ? <strong>{path}: </strong> : null}
                  {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {report ? (
        <section id="steps-report" aria-labelledby="steps-report-title">
          <Heading level={2} id="steps-report-title" ref={reportRef} tabIndex={-1}>
            {t('allocationSteps.reportTitle')}
          </Heading>
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">
              <span id="steps-applied">{t('allocationSteps.applied', { count: format.number(report.applied) })}</span>{' '}
              <span id="steps-skipped">{t('allocationSteps.skipped', { count: format.number(report.skipped) })}</span>
            </p>
          </Alert>
          {report.rows.length > 0 ? (
            <Table caption={t('allocationSteps.reportTitle')} hideCaption id="steps-rows">
              <THead>
                <Tr>
                  <Th>{t('allocationSteps.field.line')}</Th>
                  <Th>{t('allocationSteps.field.offer')}</Th>
                  <Th>{t('allocationSteps.field.step')}</Th>
                  <Th>{t('allocationSteps.field.event')}</Th>
                  <Th>{t('allocationSteps.field.result')}</Th>
                </Tr>
              </THead>
              <TBody>
                {report.rows.map((row) => (
                  <tr key={`${row.line}-${row.offerId}`} className="utrecht-table__row" data-result={row.result}>
                    <Th scope="row">{format.number(row.line)}</Th>
                    <Td>
                      <AppLink to={offerPath(row.offerId)}>{t('allocationSteps.openOffer', { id: row.offerId.slice(0, 8) })}</AppLink>
                    </Td>
                    <Td>{stepLabel(row.step)}</Td>
                    <Td>{row.event}</Td>
                    <Td>{t(row.result === 'applied' ? 'allocationSteps.result.applied' : 'allocationSteps.result.skipped')}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
