import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useLogin, useMe } from '../../api/hooks';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Layout } from '../../components/Layout';
import { usePageTitle } from '../../components/PageTitle';
import { Loading, ProblemAlert, useProblem } from '../../components/States';
import { useT } from '../../i18n';
import { SECOND_FACTOR_PATH } from '../../paths';

interface LoginState {
  from?: string;
  loggedOut?: boolean;
  /** After "log out everywhere" (the sessions page). */
  everywhere?: boolean;
  /** Prefilled e-mail address (after accepting an invitation). */
  email?: string;
}

function readState(state: unknown): LoginState {
  if (typeof state !== 'object' || state === null) return {};
  const record = state as Record<string, unknown>;
  return {
    from: typeof record.from === 'string' && record.from.startsWith('/') && !record.from.startsWith('/login') ? record.from : undefined,
    loggedOut: record.loggedOut === true,
    everywhere: record.everywhere === true,
    email: typeof record.email === 'string' ? record.email.slice(0, 320) : undefined,
  };
}

/** Codes for which the server wants a TOTP code (second factor). */
const TOTP_CODES = ['totp_required', 'invalid_totp', 'totp_invalid'];
/** Refusals that say how long to wait (429): the account is locked, or this address tried too often. */
const WAIT_CODES = ['account_locked', 'rate_limited'];

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const state = readState(useLocation().state);
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  useEffect(() => {
    // e-mail already filled in (after accepting an invitation): continue with the password
    if (state.email) document.getElementById('login-password')?.focus();
  }, [state.email]);
  const [totp, setTotp] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [missing, setMissing] = useState<{ email?: string; password?: string; code?: string }>({});

  const problem = useProblem(login.error);
  const needsTotp = isApiError(login.error) && TOTP_CODES.includes(login.error.code ?? '');
  const [totpShown, setTotpShown] = useState(false);
  if (needsTotp && !totpShown) setTotpShown(true);
  const codeFieldId = useRecovery ? 'login-recovery-code' : 'login-totp';
  useEffect(() => {
    if (totpShown) document.getElementById(codeFieldId)?.focus();
  }, [totpShown, codeFieldId]);
  // A wrong code: back to the code field, where the error is shown.
  const loginError = login.error;
  useEffect(() => {
    if (isApiError(loginError) && TOTP_CODES.includes(loginError.code ?? '')) {
      document.getElementById(codeFieldId)?.focus();
    }
    // only when a new answer arrives, not when the user switches between code and recovery code
  }, [loginError]);

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const digits = totp.replace(/\s+/g, '');
    const recovery = recoveryCode.trim();
    const code = !totpShown
      ? undefined
      : useRecovery
        ? recovery
          ? undefined
          : t('validation.required')
        : !digits
          ? t('validation.required')
          : /^\d{6}$/.test(digits)
            ? undefined
            : t('validation.totp');
    const errors = {
      email: email.trim() ? undefined : t('validation.required'),
      password: password ? undefined : t('validation.required'),
      code,
    };
    setMissing(errors);
    if (errors.email || errors.password || errors.code) {
      const first = errors.email ? 'login-email' : errors.password ? 'login-password' : codeFieldId;
      document.getElementById(first)?.focus();
      return;
    }
    const secondFactor = !totpShown ? {} : useRecovery ? { recoveryCode: recovery } : { totp: digits };
    login.mutate(
      { email: email.trim(), password, ...secondFactor },
      {
        // a session that must first set up its second factor can reach nothing else
        onSuccess: (me) => navigate(me.mfa.pending ? SECOND_FACTOR_PATH : (state.from ?? '/'), { replace: true }),
      },
    );
  };

  const toggleRecovery = () => {
    // the last answer was about the other kind of code
    login.reset();
    setUseRecovery((current) => !current);
    setMissing((current) => ({ ...current, code: undefined }));
  };

  const errorCode = isApiError(login.error) ? login.error.code : undefined;
  const wrongCredentials = errorCode === 'invalid_credentials';
  const mustWait = WAIT_CODES.includes(errorCode ?? '') || (isApiError(login.error) && login.error.status === 429);
  // totp_required only asks for the code (a prompt, not an error); a wrong code is the field's error
  const codePrompt = errorCode === 'totp_required';
  const wrongCode = errorCode === 'invalid_totp' || errorCode === 'totp_invalid';
  const codeError =
    missing.code ??
    (useRecovery ? problem?.fields.recoveryCode : problem?.fields.totp) ??
    (wrongCode ? (problem?.detail ?? problem?.title) : undefined);

  return (
    <Layout>
      <div className="eh-login">
        <Heading level={1}>{t('login.title')}</Heading>
        {me.isPending ? <Loading /> : null}
        {state.loggedOut && !login.error ? (
          <Alert type="ok" role="status" id="login-logged-out">
            <p className="utrecht-paragraph">{state.everywhere ? t('login.loggedOutEverywhere') : t('login.loggedOut')}</p>
          </Alert>
        ) : null}
        <Paragraph>{t('login.intro')}</Paragraph>
        {problem ? (
          wrongCredentials ? (
            <Alert type="error" role="alert" title={problem.title || t('login.failed')} id="login-problem">
              <p className="utrecht-paragraph">{problem.detail ?? t('login.invalidCredentials')}</p>
            </Alert>
          ) : mustWait ? (
            <Alert type="error" role="alert" title={problem.title} id="login-problem">
              {problem.detail ? <p className="utrecht-paragraph eh-alert__emphasis">{problem.detail}</p> : null}
              <p className="utrecht-paragraph">
                {errorCode === 'account_locked' ? t('login.lockedHelp') : t('login.rateLimitedHelp')}
              </p>
            </Alert>
          ) : codePrompt ? (
            <Alert type="info" role="status" title={problem.title} id="login-problem">
              <p className="utrecht-paragraph">{problem.detail ?? t('login.codeNeeded')}</p>
            </Alert>
          ) : wrongCode ? null : (
            <ProblemAlert problem={problem} id="login-problem" />
          )
        ) : null}
        <form className="eh-form" noValidate onSubmit={onSubmit}>
          <TextField
            id="login-email"
            label={t('login.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            required
            error={missing.email ?? problem?.fields.email}
          />
          <TextField
            id="login-password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
            error={missing.password ?? problem?.fields.password}
          />
          {totpShown ? (
            <div className="eh-login__code">
              {useRecovery ? (
                <TextField
                  id="login-recovery-code"
                  label={t('login.recoveryCode')}
                  description={t('login.recoveryCodeHelp')}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={recoveryCode}
                  onChange={setRecoveryCode}
                  required
                  error={codeError}
                />
              ) : (
                <TextField
                  id="login-totp"
                  label={t('login.totp')}
                  description={t('login.totpHelp')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  spellCheck={false}
                  className="eh-code-input"
                  value={totp}
                  onChange={setTotp}
                  required
                  error={codeError}
                />
              )}
              <Button id="login-use-recovery" appearance="subtle" className="eh-login__toggle" onClick={toggleRecovery}>
                {useRecovery ? t('login.useTotp') : t('login.useRecoveryCode')}
              </Button>
            </div>
          ) : null}
          <Button type="submit" appearance="primary" busy={login.isPending} disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </div>
    </Layout>
  );
}
