import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { keys, useConfirmTotpEnrolment, useStartTotpEnrolment } from '../../api/hooks';
import type { TotpEnrolment } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProblemAlert, useProblem } from '../../components/States';
import { useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { SESSIONS_PATH } from '../../paths';

/**
 * /beveiliging/tweede-factor: set up the second factor (TOTP), or see that it is on.
 * A session with `mfa.pending` is sent here and can reach nothing else until it is done.
 */
export function SecondFactorPage() {
  const t = useT();
  const me = useCurrentUser();
  // Held by the page, not the form: its answer carries the recovery codes, shown once and kept
  // nowhere else, and the form disappears as soon as the user counts as enrolled.
  const confirm = useConfirmTotpEnrolment();
  const recoveryCodes = confirm.data?.recoveryCodes;
  usePageTitle(me.mfa.enabled && !recoveryCodes ? t('mfa.title') : t('mfa.setupHeading'));

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;
  if (me.mfa.enabled) return <Enabled />;

  return (
    <>
      <Heading level={1}>{t('mfa.setupHeading')}</Heading>
      {me.mfa.pending ? <Paragraph lead>{t('mfa.pendingLead')}</Paragraph> : null}
      <section className="eh-section eh-prose" aria-labelledby="mfa-why-heading">
        <Heading level={2} id="mfa-why-heading">
          {t('mfa.whyHeading')}
        </Heading>
        <Paragraph>{t('mfa.whyPersonalData')}</Paragraph>
        <Paragraph>{t('mfa.whyHow')}</Paragraph>
        <Paragraph>{me.mfa.required ? t('mfa.whyNorm') : t('mfa.whyOptional')}</Paragraph>
      </section>
      <Enrolment confirm={confirm} />
    </>
  );
}

function Enabled() {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('mfa.title')}</Heading>
      <Alert type="ok" title={t('mfa.enabledTitle')} id="mfa-status">
        <p className="utrecht-paragraph">{t('mfa.enabledText')}</p>
      </Alert>
      <div className="eh-prose">
        <Paragraph>{t('mfa.lostPhone')}</Paragraph>
        <Paragraph>
          <AppLink to={SESSIONS_PATH}>{t('mfa.toSessions')}</AppLink>
        </Paragraph>
      </div>
    </>
  );
}

/** "ABCDEFGHIJKL" → "ABCD EFGH IJKL", for typing by hand. */
function groupsOfFour(secret: string): string {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? secret;
}

type ConfirmMutation = ReturnType<typeof useConfirmTotpEnrolment>;

function Enrolment({ confirm }: { confirm: ConfirmMutation }) {
  const t = useT();
  const client = useQueryClient();
  const start = useStartTotpEnrolment();
  const startProblem = useProblem(start.error);
  const scanHeadingRef = useRef<HTMLHeadingElement>(null);

  const begin = () => {
    confirm.reset();
    start.mutate(undefined, {
      onError: (error) => {
        // 409: a second factor was set up meanwhile (e.g. in another tab): show the current state
        if (isApiError(error) && error.status === 409) void client.invalidateQueries({ queryKey: keys.me });
      },
    });
  };

  // After (re)starting, move the focus to step 1: the start button is gone.
  const enrolment = start.data;
  useEffect(() => {
    if (enrolment) scanHeadingRef.current?.focus();
  }, [enrolment]);

  if (!enrolment) {
    return (
      <div className="eh-section eh-prose">
        <Paragraph>{t('mfa.needApp')}</Paragraph>
        <ProblemAlert problem={startProblem} />
        <Button id="mfa-start" appearance="primary" busy={start.isPending} disabled={start.isPending} onClick={begin}>
          {start.isPending ? t('mfa.starting') : t('mfa.start')}
        </Button>
      </div>
    );
  }

  return (
    <>
      <section className="eh-section eh-prose" aria-labelledby="mfa-scan-heading">
        <Heading level={2} id="mfa-scan-heading" ref={scanHeadingRef} tabIndex={-1}>
          {t('mfa.scanHeading')}
        </Heading>
        <Paragraph>{t('mfa.needApp')}</Paragraph>
        <Paragraph>{t('mfa.scanText')}</Paragraph>
        <QrCode enrolment={enrolment} />
        <Paragraph>{t('mfa.secretLabel')}</Paragraph>
        <p className="utrecht-paragraph">
          <code id="mfa-secret" className="utrecht-code eh-secret" translate="no">
            {groupsOfFour(enrolment.secret)}
          </code>
        </p>
        <Paragraph small className="eh-muted">
          {t('mfa.secretHint')}
        </Paragraph>
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href={enrolment.otpauthUrl} id="mfa-open-app">
            {t('mfa.openInApp')}
          </a>
        </Paragraph>
      </section>
      <ConfirmCode key={enrolment.secret} confirm={confirm} onRestart={begin} />
    </>
  );
}

/** The server's SVG, as an image: an SVG in <img> runs no scripts and is never parsed into the page. */
function QrCode({ enrolment }: { enrolment: TotpEnrolment }) {
  const t = useT();
  return (
    <p className="eh-qr">
      <img
        id="mfa-qr"
        className="eh-qr__image"
        alt={t('mfa.qrAlt')}
        width={208}
        height={208}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
      />
    </p>
  );
}

function ConfirmCode({ confirm, onRestart }: { confirm: ConfirmMutation; onRestart: () => void }) {
  const t = useT();
  const problem = useProblem(confirm.error);
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);

  // A wrong code is the field's error; other refusals (e.g. 409) go in the summary above the form.
  const wrongCode = isApiError(confirm.error) && confirm.error.code === 'invalid_totp';
  const fieldError = clientError ?? problem?.fields.code ?? (wrongCode ? (problem?.detail ?? problem?.title) : undefined) ?? null;
  const summary = problem && !wrongCode && !problem.fields.code ? problem : null;

  useEffect(() => {
    if (confirm.isError && wrongCode) document.getElementById('mfa-code')?.focus();
  }, [confirm.isError, wrongCode]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    const error = !digits ? t('validation.required') : /^\d{6}$/.test(digits) ? null : t('validation.totp');
    setClientError(error);
    if (error) {
      document.getElementById('mfa-code')?.focus();
      return;
    }
    confirm.mutate(digits);
  };

  return (
    <section className="eh-section" aria-labelledby="mfa-code-heading">
      <Heading level={2} id="mfa-code-heading">
        {t('mfa.codeHeading')}
      </Heading>
      <form className="eh-form" id="mfa-confirm-form" noValidate onSubmit={onSubmit}>
        <ProblemAlert problem={summary} />
        <TextField
          id="mfa-code"
          label={t('mfa.code')}
          description={t('mfa.codeHelp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          className="eh-code-input"
          value={code}
          onChange={(value) => {
            setCode(value);
            setClientError(null);
          }}
          required
          error={fieldError}
        />
        <ButtonGroup>
          <Button id="mfa-confirm" type="submit" appearance="primary" busy={confirm.isPending} disabled={confirm.isPending}>
            {confirm.isPending ? t('mfa.confirming') : t('mfa.confirm')}
          </Button>
          <Button id="mfa-restart" appearance="subtle" disabled={confirm.isPending} onClick={onRestart}>
            {t('mfa.restart')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [savedError, setSavedError] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [continuing, setContinuing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The confirm button that had the focus is gone: start reading at the codes.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const onContinue = async (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      setSavedError(t('mfa.savedRequired'));
      document.getElementById('mfa-recovery-saved')?.focus();
      return;
    }
    setContinuing(true);
    try {
      // the server rotated the session: read the user (and the CSRF token) anew
      await client.invalidateQueries({ queryKey: keys.me });
    } finally {
      navigate('/', { replace: true });
    }
  };

  return (
    <>
      <Heading level={1}>{t('mfa.setupHeading')}</Heading>
      <Alert type="ok" role="status" id="mfa-done">
        <p className="utrecht-paragraph">{t('mfa.done')}</p>
      </Alert>
      <section className="eh-section eh-prose" aria-labelledby="mfa-recovery-heading">
        <Heading level={2} id="mfa-recovery-heading" ref={headingRef} tabIndex={-1}>
          {t('mfa.recoveryHeading')}
        </Heading>
        <Paragraph>{t('mfa.recoveryText')}</Paragraph>
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('mfa.recoveryOnce')}</p>
        </Alert>
        <ul id="mfa-recovery-codes" className="eh-recovery-codes" aria-label={t('mfa.recoveryList')} translate="no">
          {codes.map((code) => (
            <li key={code} className="eh-recovery-codes__item">
              <code className="utrecht-code">{code}</code>
            </li>
          ))}
        </ul>
        <Button id="mfa-copy" appearance="secondary" onClick={() => void copy()}>
          {t('mfa.copy')}
          <span className="eh-visually-hidden"> {t('mfa.copyContext')}</span>
        </Button>
        <p className="utrecht-paragraph eh-copy-status" role="status" id="mfa-copy-status">
          {copyState === 'copied' ? t('mfa.copied') : copyState === 'failed' ? t('mfa.copyFailed') : null}
        </p>
        <form className="eh-form" id="mfa-continue-form" noValidate onSubmit={(event) => void onContinue(event)}>
          <CheckboxField
            id="mfa-recovery-saved"
            label={t('mfa.saved')}
            checked={saved}
            onChange={(checked) => {
              setSaved(checked);
              if (checked) setSavedError(null);
            }}
            required
            error={savedError}
          />
          <Button id="mfa-continue" type="submit" appearance="primary" busy={continuing} disabled={continuing}>
            {continuing ? t('mfa.continuing') : t('mfa.continue')}
          </Button>
        </form>
      </section>
    </>
  );
}
