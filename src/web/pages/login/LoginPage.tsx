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

interface LoginState {
  from?: string;
  loggedOut?: boolean;
}

function readState(state: unknown): LoginState {
  if (typeof state !== 'object' || state === null) return {};
  const record = state as Record<string, unknown>;
  return {
    from: typeof record.from === 'string' && record.from.startsWith('/') && !record.from.startsWith('/login') ? record.from : undefined,
    loggedOut: record.loggedOut === true,
  };
}

/** Codes for which the server wants a TOTP code (second factor). */
const TOTP_CODES = ['totp_required', 'invalid_totp', 'totp_invalid'];

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const state = readState(useLocation().state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const problem = useProblem(login.error);
  const needsTotp = isApiError(login.error) && TOTP_CODES.includes(login.error.code ?? '');
  const [totpShown, setTotpShown] = useState(false);
  if (needsTotp && !totpShown) setTotpShown(true);
  useEffect(() => {
    if (totpShown) document.getElementById('login-totp')?.focus();
  }, [totpShown]);

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      email: email.trim() ? undefined : t('validation.required'),
      password: password ? undefined : t('validation.required'),
    };
    setMissing(errors);
    if (errors.email || errors.password) return;
    login.mutate(
      { email: email.trim(), password, ...(totpShown && totp.trim() ? { totp: totp.trim() } : {}) },
      { onSuccess: () => navigate(state.from ?? '/', { replace: true }) },
    );
  };

  const wrongCredentials = isApiError(login.error) && login.error.code === 'invalid_credentials';

  return (
    <Layout>
      <div className="eh-login">
        <Heading level={1}>{t('login.title')}</Heading>
        {me.isPending ? <Loading /> : null}
        {state.loggedOut && !login.error ? (
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">{t('login.loggedOut')}</p>
          </Alert>
        ) : null}
        <Paragraph>{t('login.intro')}</Paragraph>
        {problem ? (
          wrongCredentials ? (
            <Alert type="error" role="alert" title={problem.title || t('login.failed')}>
              <p className="utrecht-paragraph">{problem.detail ?? t('login.invalidCredentials')}</p>
            </Alert>
          ) : (
            <ProblemAlert problem={problem} />
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
            <TextField
              id="login-totp"
              label={t('login.totp')}
              description={t('login.totpHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={setTotp}
              required
              error={problem?.fields.totp}
            />
          ) : null}
          <Button type="submit" appearance="primary" busy={login.isPending} disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </div>
    </Layout>
  );
}
