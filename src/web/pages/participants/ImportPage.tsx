import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useConfirmImport, useCreateImport } from '../../api/hooks';
import type { ImportReport, ImportRow, ImportRowStatus, Programme } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { SelectField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Progress } from '../../components/Progress';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { ProblemAlert, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useI18n, useT } from '../../i18n';
import { PARTICIPANTS_PATH, participantPath } from '../../paths';
import { access } from '../../roles';
import { useCurrentUser } from '../../session';

/** The server's limits (imports.schema.ts): larger lists are split into several files. */
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_ROWS = 5000;
/** Rows of the report shown at once (a file may have thousands). */
const PAGE = 200;

type Filter = 'all' | 'invalid' | 'valid';

interface ReadFile {
  name: string;
  size: number;
  text: string;
  /** Data lines, roughly: lines that are not empty and not a `#` explanation, minus the header. */
  rows: number;
}

/** /deelnemers/importeren: an existing list from CSV; every row checked, nothing imported until confirmed. */
export function ImportPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('import.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={PARTICIPANTS_PATH}>{t('participant.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('import.title')}</Heading>
      {access.import(me) ? (
        <ProgrammeGate>{(programme) => <Importer programme={programme} />}</ProgrammeGate>
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('import.noPermission')}</p>
        </Alert>
      )}
    </>
  );
}

const countRows = (text: string) => Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#')).length - 1);

/** Reads a file as text with progress; a file that is not UTF-8 (e.g. saved by Excel) is read again as Windows-1252. */
function readFile(file: File, onProgress: (ratio: number) => void): Promise<string> {
  const read = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.readAsText(file, encoding);
    });
  return read('utf-8').then((text) => (text.includes('\uFFFD') ? read('windows-1252') : text));
}

function Importer({ programme }: { programme: Programme }) {
  const { t, lang } = useI18n();
  const format = useFormat();
  const create = useCreateImport();
  const confirm = useConfirmImport();
  const createProblem = useProblem(create.error);
  const confirmProblem = useProblem(confirm.error);
  const [file, setFile] = useState<ReadFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [upload, setUpload] = useState<{ loaded: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const confirmed = report?.status === 'confirmed';

  useEffect(() => {
    if (report) (confirmed ? resultRef : reportRef).current?.focus();
  }, [report, confirmed]);

  const sizeText = (bytes: number) =>
    bytes < 1024 * 1024 ? `${format.number(Math.ceil(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })} MB`;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(null);
    setReport(null);
    setFileError(null);
    create.reset();
    confirm.reset();
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setFileError(t('import.tooLarge', { size: sizeText(chosen.size), max: sizeText(MAX_BYTES) }));
      return;
    }
    if (chosen.size === 0) {
      setFileError(t('import.emptyFile'));
      return;
    }
    setReading(0);
    readFile(chosen, setReading)
      .then((text) => {
        const rows = countRows(text);
        setFile({ name: chosen.name, size: chosen.size, text, rows });
        if (rows === 0) setFileError(t('import.noRows'));
        else if (rows > MAX_ROWS) setFileError(t('import.tooManyRows', { rows: format.number(rows), max: format.number(MAX_ROWS) }));
      })
      .catch(() => setFileError(t('import.readFailed')))
      .finally(() => setReading(null));
  };

  const onValidate = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFile'));
      document.getElementById('import-file')?.focus();
      return;
    }
    if (fileError) {
      document.getElementById('import-file')?.focus();
      return;
    }
    setReport(null);
    setUpload({ loaded: 0, total: file.size });
    create.mutate(
      {
        body: { programmeId: programme.id, fileName: file.name, csv: file.text },
        onProgress: (loaded, total) => setUpload({ loaded, total }),
      },
      {
        onSuccess: setReport,
        onSettled: () => setUpload(null),
      },
    );
  };

  const onConfirm = () => {
    if (!report) return;
    confirm.mutate(report.id, { onSuccess: setReport });
  };

  const restart = () => {
    setFile(null);
    setReport(null);
    setFileError(null);
    create.reset();
    confirm.reset();
    setInputKey((k) => k + 1);
    window.setTimeout(() => document.getElementById('import-file')?.focus(), 0);
  };

  const uploadRatio = upload && upload.total > 0 ? upload.loaded / upload.total : undefined;
  const uploaded = upload && upload.total > 0 && upload.loaded >= upload.total;

  return (
    <>
      <Paragraph lead>{t('import.intro')}</Paragraph>
      <ol className="eh-steps">
        <li>
          {t('import.step1')}{' '}
          <a className="utrecht-link utrecht-link--html-a" href={api.importTemplateUrl} download id="import-template">
            {t('import.template')}
          </a>
          <span className="eh-cell-sub">{t('import.templateHelp')}</span>
        </li>
        <li>{t('import.step2')}</li>
        <li>{t('import.step3')}</li>
      </ol>

      {confirmed ? null : (
        <form className="eh-form eh-panel" noValidate onSubmit={onValidate} aria-labelledby="import-file-heading">
          <Heading level={2} id="import-file-heading">
            {t('import.fileHeading')}
          </Heading>
          <div className={`utrecht-form-field eh-field${fileError ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="import-file">
                {t('import.file')}
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id="import-file-description">
              {t('import.fileHelp', { max: sizeText(MAX_BYTES), rows: format.number(MAX_ROWS) })}
            </div>
            {fileError ? (
              <div className="utrecht-form-field-error-message eh-field-error" id="import-file-error">
                {fileError}
              </div>
            ) : null}
            <input
              key={inputKey}
              id="import-file"
              name="import-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              className="eh-file-input"
              onChange={onFile}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-description import-file-error' : 'import-file-description'}
            />
          </div>
          {reading !== null ? <Progress id="import-reading" label={t('import.reading')} ratio={reading} /> : null}
          {file && reading === null ? (
            <p className="utrecht-paragraph" id="import-file-summary">
              {t('import.fileSummary', { name: file.name, size: sizeText(file.size), rows: format.number(file.rows) })}
            </p>
          ) : null}
          {upload ? (
            uploaded ? (
              <Progress id="import-upload" label={t('import.checking')} />
            ) : (
              <Progress
                id="import-upload"
                label={t('import.uploading')}
                ratio={uploadRatio}
                detail={upload.total ? `${sizeText(upload.loaded)} / ${sizeText(upload.total)}` : undefined}
              />
            )
          ) : null}
          <ProblemAlert problem={createProblem} id="import-problem" />
          <Button
            id="import-validate"
            type="submit"
            appearance="primary"
            busy={create.isPending}
            disabled={create.isPending || reading !== null}
          >
            {create.isPending ? t('import.checking') : t('import.validate')}
          </Button>
        </form>
      )}

      {report && !confirmed ? (
        <section className="eh-section" aria-labelledby="import-report-heading" id="import-report">
          <Heading level={2} id="import-report-heading" ref={reportRef} tabIndex={-1}>
            {t('import.reportHeading')}
          </Heading>
          <p className="utrecht-paragraph" id="import-summary">
            {t('import.summary', {
              total: format.number(report.totalRows),
              valid: format.number(report.validRows),
              invalid: format.number(report.invalidRows),
            })}
          </p>
          <Alert type="info">
            <p className="utrecht-paragraph">{t('import.nothingYet')}</p>
          </Alert>
          <ReportTable report={report} />
          <ProblemAlert problem={confirmProblem} id="import-confirm-problem" />
          <ButtonGroup>
            {report.validRows > 0 ? (
              <Button id="import-confirm" appearance="primary" busy={confirm.isPending} disabled={confirm.isPending} onClick={onConfirm}>
                {confirm.isPending ? t('import.importing') : t('import.confirm', { count: format.number(report.validRows) })}
              </Button>
            ) : (
              <Paragraph>{t('import.noneValid')}</Paragraph>
            )}
            <Button id="import-restart" appearance="secondary" disabled={confirm.isPending} onClick={restart}>
              {t('import.otherFile')}
            </Button>
          </ButtonGroup>
          {confirm.isPending ? <Progress id="import-confirming" label={t('import.importing')} /> : null}
        </section>
      ) : null}

      {report && confirmed ? (
        <section className="eh-section" aria-labelledby="import-result-heading" id="import-result">
          <Heading level={2} id="import-result-heading" ref={resultRef} tabIndex={-1}>
            {t('import.resultHeading')}
          </Heading>
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph" id="import-imported">
              {t('import.imported', { count: format.number(report.importedRows ?? 0) })}
            </p>
            {report.rows.some((r) => r.status === 'skipped') ? (
              <p className="utrecht-paragraph">
                {t('import.skipped', { count: format.number(report.rows.filter((r) => r.status === 'skipped').length) })}
              </p>
            ) : null}
          </Alert>
          <ReportTable report={report} />
          <ButtonGroup>
            <Button id="import-again" appearance="secondary" onClick={restart}>
              {t('import.again')}
            </Button>
            <AppLink to={PARTICIPANTS_PATH}>{t('import.toList')}</AppLink>
          </ButtonGroup>
        </section>
      ) : null}
    </>
  );
}

const STATUS_CLASS: Record<ImportRowStatus, string> = {
  valid: 'eh-import-status--valid',
  invalid: 'eh-import-status--invalid',
  imported: 'eh-import-status--imported',
  skipped: 'eh-import-status--skipped',
};

/** Every row with its status and what was wrong (column and message; never the data). */
function ReportTable({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const hasProblems = report.rows.some((r) => r.errors.length > 0);
  const [filter, setFilter] = useState<Filter>(hasProblems ? 'invalid' : 'all');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () =>
      report.rows.filter((row: ImportRow) =>
        filter === 'all' ? true : filter === 'invalid' ? row.errors.length > 0 : row.errors.length === 0,
      ),
    [report.rows, filter],
  );
  return (
    <>
      <SelectField
        id="import-filter"
        label={t('import.show')}
        value={filter}
        onChange={(value) => {
          setFilter(value === 'invalid' || value === 'valid' ? value : 'all');
          setShown(PAGE);
        }}
        options={[
          { value: 'all', label: t('import.showAll') },
          { value: 'invalid', label: t('import.showProblems') },
          { value: 'valid', label: t('import.showFine') },
        ]}
        fieldClassName="eh-field--inline eh-field--narrow"
      />
      {rows.length === 0 ? (
        <p className="utrecht-paragraph eh-empty">{t('import.noRowsShown')}</p>
      ) : (
        <Table caption={t('import.tableCaption')} id="import-rows">
          <THead>
            <Tr>
              <Th numeric>{t('import.row')}</Th>
              <Th numeric>{t('import.line')}</Th>
              <Th>{t('field.status')}</Th>
              <Th>{t('import.messages')}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.row} className="utrecht-table__row" data-status={row.status}>
                <Th scope="row" numeric>
                  {row.row}
                </Th>
                <Td numeric>{row.line}</Td>
                <Td>
                  <span className={`eh-tag eh-import-status ${STATUS_CLASS[row.status]}`}>{t(`import.status.${row.status}`)}</span>
                  {row.participant ? (
                    <span className="eh-cell-sub">
                      <AppLink to={participantPath(row.participant.code)} className="eh-code">
                        {row.participant.code}
                      </AppLink>
                    </span>
                  ) : null}
                </Td>
                <Td>
                  {row.errors.length === 0 ? (
                    <span className="eh-muted">{t('common.empty')}</span>
                  ) : (
                    <ul className="eh-plain-list eh-import-errors">
                      {row.errors.map((error, index) => (
                        <li key={`${error.path}-${index}`}>
                          {error.column ? <strong>{error.column}: </strong> : null}
                          {lang === 'en' ? error.messageEn : error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {rows.length > shown ? (
        <div className="eh-more">
          <Button appearance="secondary" onClick={() => setShown((n) => n + PAGE)}>
            {t('import.showMore', { shown: shown, total: rows.length })}
          </Button>
        </div>
      ) : null}
    </>
  );
}
