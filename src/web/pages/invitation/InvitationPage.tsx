import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useAcceptInvitation } from '../../api/admin';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonLink } from '../../components/Button';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { Layout } from '../../components/Layout';
import { usePageTitle } from '../../components/PageTitle';
import { ProblemAlert, useProblem } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useT } from '../../i18n';
import '../../styles/admin.css';

/** Password rules of the server (AcceptInvitationBody). */
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 200;
/** Token length the server accepts (InvitationTokenParams); anything else cannot be a link of ours. */
const tokenLooksValid = (token: string) => token.length >= 20 && token.length <= 100;

const IDS = { password: 'invitation-password', repeat: 'invitation-password-repeat' };

/**
 * /uitnodiging/:token — public (no login): the invited person chooses a password. The link works
 * once and for seven days; an unknown, used or expired link answers 404.
 */
export function InvitationPage() {
  const t = useT();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const accept = useAcceptInvitation(token);
  const [accepted, setAccepted] = useState<string | null>(null);
  const gone = !tokenLooksValid(token) || (isApiError(accept.error) && accept.error.status === 404);

  return (
    <Layout>
      <div className="eh-login">
        <Heading level={1}>{t('invitation.title')}</Heading>
        {accepted !== null ? (
          <Accepted email={accepted} />
        ) : gone ? (
          <LinkGone announce={accept.isError} />
        ) : (
          <PasswordForm
            busy={accept.isPending}
            error={accept.error}
            onSubmit={(password) => accept.mutate(password, { onSuccess: (out) => setAccepted(out.email) })}
          />
        )}
      </div>
    </Layout>
  );
}

function PasswordForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (password: string) => void }) {
  const t = useT();
  const problem = useProblem(error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = validate(
      {
        password: !password
          ? t('validation.required')
          : password.length < MIN_PASSWORD
            ? t('invitation.tooShort', { min: MIN_PASSWORD, count: password.length })
            : password.length > MAX_PASSWORD
              ? t('invitation.tooLong', { max: MAX_PASSWORD })
              : undefined,
        repeat: !repeat ? t('validation.required') : repeat !== password ? t('invitation.mismatch') : undefined,
      },
      IDS,
    );
    if (ok) onSubmit(password);
  };

  return (
    <>
      <Paragraph>{t('invitation.intro')}</Paragraph>
      <form className="eh-form" noValidate onSubmit={submit}>
        <ProblemAlert problem={problem} id="invitation-problem" />
        <TextField
          id={IDS.password}
          type="password"
          label={t('invitation.password')}
          description={t('invitation.rule', { min: MIN_PASSWORD })}
          value={password}
          onChange={(value) => {
            setPassword(value);
            clear('password');
          }}
          autoComplete="new-password"
          required
          error={errorOf('password')}
        />
        <TextField
          id={IDS.repeat}
          type="password"
          label={t('invitation.repeat')}
          value={repeat}
          onChange={(value) => {
            setRepeat(value);
            clear('repeat');
          }}
          autoComplete="new-password"
          required
          error={errorOf('repeat')}
        />
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {busy ? t('invitation.submitting') : t('invitation.submit')}
        </Button>
      </form>
    </>
  );
}

function Accepted({ email }: { email: string }) {
  const t = useT();
  useEffect(() => {
    document.getElementById('invitation-accepted')?.focus();
  }, []);
  return (
    <>
      <Alert type="ok" role="status" id="invitation-accepted" tabIndex={-1} title={t('invitation.acceptedTitle')}>
        <p className="utrecht-paragraph">{t('invitation.acceptedText', { email })}</p>
      </Alert>
      <p className="utrecht-paragraph">
        <ButtonLink id="invitation-to-login" to="/login" state={{ email }} appearance="primary">
          {t('invitation.toLogin')}
        </ButtonLink>
      </p>
    </>
  );
}

function LinkGone({ announce }: { announce: boolean }) {
  const t = useT();
  return (
    <>
      <Alert type="warning" role={announce ? 'alert' : undefined} id="invitation-gone" title={t('invitation.goneTitle')}>
        <p className="utrecht-paragraph">{t('invitation.goneText')}</p>
        <p className="utrecht-paragraph">{t('invitation.goneWhat')}</p>
      </Alert>
      <p className="utrecht-paragraph">
        <AppLink to="/login">{t('invitation.goneLogin')}</AppLink>
      </p>
    </>
  );
}
