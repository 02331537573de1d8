import { useEffect, useState, type FormEvent } from 'react';
import { useOrganisations } from '../../api/hooks';
import { useInvite, type Invitation } from '../../api/admin';
import type { Role } from '../../api/types';
import { adminAccess, OUTBOX_PATH, USERS_PATH } from '../../adminAccess';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxGroup, SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProblemAlert, useProblem } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { NoAccess, roleOptions, rolesError, sortRoles } from './adminShared';
import { organisationOptions } from './UsersPage';

/** /beheer/gebruikers/uitnodigen: invite someone; they get a one-time link to choose a password. */
export function InvitePage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('invite.title'));
  const [sent, setSent] = useState<Invitation | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <p className="eh-back">
        <AppLink to={USERS_PATH}>{t('invite.back')}</AppLink>
      </p>
      <Heading level={1}>{t('invite.title')}</Heading>
      {!adminAccess.users(me) ? (
        <NoAccess text={t('users.noAccess')} />
      ) : sent ? (
        <InvitationSent
          invitation={sent}
          onAnother={() => {
            setSent(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <Paragraph>{t('invite.intro')}</Paragraph>
          <InviteForm key={round} onSent={setSent} />
        </>
      )}
    </>
  );
}

const IDS = { email: 'invite-email', name: 'invite-name', organisationId: 'invite-organisation', roles: 'invite-roles' };

function InviteForm({ onSent }: { onSent: (invitation: Invitation) => void }) {
  const t = useT();
  const me = useCurrentUser();
  const region = adminAccess.region(me);
  const invite = useInvite();
  const problem = useProblem(invite.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const organisations = useOrganisations();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState(me.organisation.id);
  const [roles, setRoles] = useState<Role[]>([]);
  const kind =
    organisationId === me.organisation.id ? me.organisation.kind : organisations.data?.find((o) => o.id === organisationId)?.kind;
  const options = roleOptions(t, kind);

  useEffect(() => {
    document.getElementById(IDS.email)?.focus();
  }, []);

  const onOrganisation = (id: string) => {
    setOrganisationId(id);
    clear('organisationId');
    // roles that do not fit the new organisation's kind are dropped
    const nextKind = id === me.organisation.id ? me.organisation.kind : organisations.data?.find((o) => o.id === id)?.kind;
    const fitting = roleOptions(t, nextKind).map((o) => o.value);
    setRoles((current) => current.filter((role) => fitting.includes(role)));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmedEmail = email.trim();
    const ok = validate(
      {
        email: !trimmedEmail ? t('validation.required') : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmedEmail) ? undefined : t('invite.emailInvalid'),
        name: name.trim() ? undefined : t('validation.required'),
        organisationId: organisationId ? undefined : t('validation.choose'),
        roles: rolesError(t, roles),
      },
      IDS,
    );
    if (!ok) return;
    invite.mutate(
      {
        email: trimmedEmail,
        name: name.trim(),
        roles: sortRoles(roles),
        ...(region && organisationId !== me.organisation.id ? { organisationId } : {}),
      },
      { onSuccess: onSent },
    );
  };

  return (
    <form className="eh-form" noValidate onSubmit={onSubmit} id="invite-form">
      <ProblemAlert problem={problem} id="invite-problem" />
      <TextField
        id={IDS.email}
        type="email"
        label={t('users.email')}
        description={t('invite.emailHelp')}
        value={email}
        onChange={(value) => {
          setEmail(value);
          clear('email');
        }}
        autoComplete="off"
        spellCheck={false}
        required
        error={errorOf('email')}
      />
      <TextField
        id={IDS.name}
        label={t('field.name')}
        description={t('invite.nameHelp')}
        value={name}
        onChange={(value) => {
          setName(value);
          clear('name');
        }}
        autoComplete="off"
        required
        error={errorOf('name')}
      />
      {region ? (
        <SelectField
          id={IDS.organisationId}
          label={t('field.organisation')}
          description={t('invite.organisationHelp')}
          value={organisationId}
          onChange={onOrganisation}
          options={organisationOptions(organisations.data ?? [], (k) => t(`orgKind.${k}`))}
          required
          error={errorOf('organisationId')}
        />
      ) : (
        <p className="utrecht-paragraph" id={IDS.organisationId}>
          <strong>{t('field.organisation')}:</strong> {me.organisation.name}
        </p>
      )}
      <CheckboxGroup
        id={IDS.roles}
        legend={t('users.roles')}
        description={kind ? t('users.rolesHelp', { kind: t(`orgKind.${kind}`) }) : t('users.rolesHelpUnknown')}
        options={options}
        values={roles}
        onChange={(values) => {
          setRoles(sortRoles(values));
          clear('roles');
        }}
        error={errorOf('roles')}
      />
      <Button type="submit" appearance="primary" busy={invite.isPending} disabled={invite.isPending}>
        {invite.isPending ? t('invite.sending') : t('invite.submit')}
      </Button>
    </form>
  );
}

function InvitationSent({ invitation, onAnother }: { invitation: Invitation; onAnother: () => void }) {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  useEffect(() => {
    document.getElementById('invite-sent')?.focus();
  }, []);
  return (
    <>
      <Alert type="ok" role="status" id="invite-sent" tabIndex={-1} title={t('invite.sentTitle')}>
        <p className="utrecht-paragraph">
          {t('invite.sentText', { email: invitation.email, name: invitation.name, date: format.dateTime(invitation.expiresAt) })}
        </p>
        {adminAccess.outbox(me) ? (
          <p className="utrecht-paragraph">
            {t('invite.sentDemo')} <AppLink to={OUTBOX_PATH}>{t('outbox.title')}</AppLink>
          </p>
        ) : null}
      </Alert>
      <ButtonGroup>
        <Button id="invite-another" appearance="secondary" onClick={onAnother}>
          {t('invite.another')}
        </Button>
        <AppLink to={USERS_PATH}>{t('invite.back')}</AppLink>
      </ButtonGroup>
    </>
  );
}
