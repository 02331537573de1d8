import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { useParticipantDataExport } from '../../api/admin';
import { ACCESS_LOG_PATH, adminAccess } from '../../adminAccess';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProblemAlert, useProblem } from '../../components/States';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { NoAccess } from '../admin/adminShared';
import { normaliseCode } from './AccessLogPage';

const CODE = /^EH-[A-Z0-9]{6}$/;

/** Offers a JSON document as a file download (the page's CSP allows blob: navigation for downloads). */
function downloadJson(data: unknown, filename: string) {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser a moment to start the download before the address goes
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** /privacy/inzageverzoek: everything about one participant (AVG art. 15) as a JSON file. */
export function DataExportPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('dataExport.title'));
  return (
    <>
      <Heading level={1}>{t('dataExport.title')}</Heading>
      {adminAccess.privacy(me) ? <DataExportForm /> : <NoAccess text={t('privacy.noAccess')} />}
    </>
  );
}

function DataExportForm() {
  const t = useT();
  const exportData = useParticipantDataExport();
  const problem = useProblem(exportData.error);
  const notFound = isApiError(exportData.error) && exportData.error.status === 404;
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (done) document.getElementById('data-export-done')?.focus();
  }, [done]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const value = normaliseCode(code);
    const error = !value ? t('validation.required') : CODE.test(value) ? null : t('auditLog.codeInvalid');
    setCodeError(error);
    if (error) {
      document.getElementById('data-export-code')?.focus();
      return;
    }
    exportData.mutate(value, {
      onSuccess: (data) => {
        const participant = data.participant as Record<string, unknown> | undefined;
        const fileCode = typeof participant?.code === 'string' ? participant.code : value;
        const filename = `inzage-${fileCode}.json`;
        downloadJson(data, filename);
        setDone(filename);
      },
    });
  };

  return (
    <>
      <div className="eh-prose">
        <Paragraph>{t('dataExport.intro')}</Paragraph>
        <Paragraph>{t('dataExport.logged')}</Paragraph>
      </div>
      {done ? (
        <Alert type="ok" role="status" id="data-export-done" tabIndex={-1}>
          <p className="utrecht-paragraph">{t('dataExport.done', { file: done })}</p>
        </Alert>
      ) : null}
      {notFound ? (
        <Alert type="warning" role="alert" id="data-export-not-found">
          <p className="utrecht-paragraph">{t('dataExport.notFound')}</p>
        </Alert>
      ) : (
        <ProblemAlert problem={problem} id="data-export-problem" />
      )}
      <form className="eh-form" noValidate onSubmit={submit}>
        <TextField
          id="data-export-code"
          label={t('auditLog.participantCode')}
          description={t('auditLog.participantCodeHelp')}
          value={code}
          onChange={(value) => {
            setCode(value);
            setCodeError(null);
          }}
          autoComplete="off"
          spellCheck={false}
          required
          className="eh-code-field"
          error={codeError}
        />
        <Button id="data-export-submit" type="submit" appearance="primary" busy={exportData.isPending} disabled={exportData.isPending}>
          {exportData.isPending ? t('dataExport.preparing') : t('dataExport.submit')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to={ACCESS_LOG_PATH}>{t('dataExport.toLog')}</AppLink>
      </Paragraph>
    </>
  );
}
