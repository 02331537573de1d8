import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useOrganisations } from '../../api/hooks';
import { useUpdateUser, useUsers, type AdminUser } from '../../api/admin';
import { ORGANISATION_KIND_ORDER, type Organisation, type OrganisationKind, type Role } from '../../api/types';
import { adminAccess, INVITE_PATH } from '../../adminAccess';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CheckboxGroup, SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { NoAccess, RoleTags, roleOptions, rolesError, sortRoles } from './adminShared';

/** Organisations for a select: by kind (the order of the organisations page), then by name. */
export function organisationOptions(organisations: readonly Organisation[], kindLabel: (kind: OrganisationKind) => string) {
  return [...organisations]
    .sort(
      (a, b) =>
        ORGANISATION_KIND_ORDER.indexOf(a.kind) - ORGANISATION_KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl'),
    )
    .map((o) => ({ value: o.id, label: `${o.name} (${kindLabel(o.kind)})` }));
}

/** /beheer/gebruikers: the users an administrator manages, their roles and whether they may log in. */
export function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('users.title'));
  const allowed = adminAccess.users(me);
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('users.title')}</Heading>
        {allowed ? (
          <ButtonLink id="users-invite" to={INVITE_PATH} appearance="primary">
            {t('invite.open')}
          </ButtonLink>
        ) : null}
      </div>
      {allowed ? <UserList /> : <NoAccess text={t('users.noAccess')} />}
    </>
  );
}

const COLUMNS = 8;

function UserList() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const region = adminAccess.region(me);
  const [params, setParams] = useSearchParams();
  const organisationId = region ? (params.get('organisationId') ?? '') : '';
  const organisations = useOrganisations();
  const users = useUsers({ organisationId: organisationId || undefined });
  const items = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const kindOf = (orgId: string): OrganisationKind | undefined =>
    orgId === me.organisation.id ? me.organisation.kind : organisations.data?.find((o) => o.id === orgId)?.kind;

  const setOrganisation = (value: string) => {
    setEditingId(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('organisationId', value);
        else next.delete('organisationId');
        return next;
      },
      { replace: true },
    );
  };

  const close = (id: string) => {
    setEditingId(null);
    // back to the button that opened the form
    requestAnimationFrame(() => document.getElementById(`user-edit-${id}`)?.focus());
  };

  return (
    <>
      <Paragraph>{region ? t('users.introRegion', { region: me.region.name }) : t('users.introOrganisation', { organisation: me.organisation.name })}</Paragraph>
      <Paragraph id="users-self-note">{t('users.selfNote')}</Paragraph>
      {region ? (
        <form className="eh-filters eh-filters--narrow" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="users-organisation"
            label={t('field.organisation')}
            value={organisationId}
            onChange={setOrganisation}
            options={organisationOptions(organisations.data ?? [], (kind) => t(`orgKind.${kind}`))}
            emptyLabel={t('users.allOrganisations')}
          />
        </form>
      ) : null}

      {users.isPending ? (
        <Loading />
      ) : users.isError && items.length === 0 ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('users.empty')}</Empty>
      ) : (
        <>
          <p className="utrecht-paragraph eh-result-count" role="status">
            {users.hasNextPage ? t('common.shownMore', { count: items.length }) : t('common.shown', { count: items.length })}
          </p>
          <Table caption={t('users.caption')} hideCaption id="users-table">
            <THead>
              <Tr>
                <Th>{t('field.name')}</Th>
                <Th>{t('users.email')}</Th>
                <Th>{t('field.organisation')}</Th>
                <Th>{t('users.roles')}</Th>
                <Th>{t('users.active')}</Th>
                <Th>{t('users.secondFactor')}</Th>
                <Th>{t('users.lockedUntil')}</Th>
                <Th>
                  <span className="eh-visually-hidden">{t('users.action')}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((user) => {
                const self = user.id === me.id;
                const editing = editingId === user.id;
                return (
                  <Fragment key={user.id}>
                    <Tr className={editing ? 'eh-row--current' : undefined}>
                      <Th scope="row" data-user-id={user.id}>
                        {user.name}
                        {self ? (
                          <>
                            {' '}
                            <span className="eh-tag">{t('users.you')}</span>
                          </>
                        ) : null}
                      </Th>
                      <Td>
                        <span translate="no" className="eh-break">
                          {user.email}
                        </span>
                      </Td>
                      <Td>{user.organisation}</Td>
                      <Td>
                        <RoleTags roles={user.roles} />
                      </Td>
                      <Td>
                        {user.active ? t('users.activeYes') : <strong className="eh-inactive">{t('users.activeNo')}</strong>}
                      </Td>
                      <Td>{user.totpEnabled ? t('users.factorOn') : t('users.factorOff')}</Td>
                      <Td className="eh-nowrap">
                        {user.lockedUntil ? <time dateTime={user.lockedUntil}>{format.dateTime(user.lockedUntil)}</time> : t('common.empty')}
                      </Td>
                      <Td>
                        {self ? (
                          <span className="eh-muted" aria-describedby="users-self-note">
                            {t('users.selfShort')}
                          </span>
                        ) : (
                          <Button
                            id={`user-edit-${user.id}`}
                            appearance="secondary"
                            aria-expanded={editing}
                            aria-controls={editing ? 'user-edit-panel' : undefined}
                            onClick={() => (editing ? close(user.id) : setEditingId(user.id))}
                          >
                            {t('users.edit')}
                            <span className="eh-visually-hidden"> {user.name}</span>
                          </Button>
                        )}
                      </Td>
                    </Tr>
                    {editing ? (
                      <tr className="utrecht-table__row eh-edit-row">
                        <td className="utrecht-table__cell" colSpan={COLUMNS}>
                          <UserEditor
                            user={user}
                            kind={kindOf(user.organisationId)}
                            onClose={() => close(user.id)}
                            onReload={() => users.refetch()}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </TBody>
          </Table>
          {users.isError ? <QueryError error={users.error} onRetry={() => void users.fetchNextPage()} /> : null}
          <LoadMore query={users} />
        </>
      )}
    </>
  );
}

const IDS = { name: 'user-edit-name', roles: 'user-edit-roles' };

/** Name and roles of one user, and the switch that lets them log in or not. */
function UserEditor({
  user,
  kind,
  onClose,
  onReload,
}: {
  user: AdminUser;
  kind: OrganisationKind | undefined;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const update = useUpdateUser();
  const problem = useProblem(update.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [saved, setSaved] = useState<'saved' | 'sessionsEnded' | 'unchanged' | null>(null);
  const [reloading, setReloading] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflict = isApiError(update.error) && update.error.status === 409;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const reload = async () => {
    setReloading(true);
    update.reset();
    await onReload().catch(() => undefined);
    setReloading(false);
  };
  // after "reload": start again from what the server holds now
  useEffect(() => {
    setName(user.name);
    setRoles(user.roles);
  }, [user.version]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const ok = validate({ name: name.trim() ? undefined : t('validation.required'), roles: rolesError(t, roles) }, IDS);
    if (!ok) return;
    const nextRoles = sortRoles(roles);
    const rolesChanged = nextRoles.join() !== sortRoles(user.roles).join();
    const nameChanged = name.trim() !== user.name;
    if (!rolesChanged && !nameChanged) {
      setSaved('unchanged');
      return;
    }
    update.mutate(
      {
        id: user.id,
        body: { version: user.version, ...(rolesChanged ? { roles: nextRoles } : {}), ...(nameChanged ? { name: name.trim() } : {}) },
      },
      { onSuccess: () => setSaved(rolesChanged ? 'sessionsEnded' : 'saved') },
    );
  };

  return (
    <div id="user-edit-panel" className="eh-user-editor">
      <Heading level={2} id="user-edit-heading" ref={headingRef} tabIndex={-1}>
        {t('users.editTitle', { name: user.name })}
      </Heading>
      <div className="eh-columns">
        <form className="eh-form" noValidate onSubmit={onSubmit} aria-labelledby="user-edit-roles-heading">
          <Heading level={3} id="user-edit-roles-heading">
            {t('users.rolesHeading')}
          </Heading>
          {saved ? (
            <Alert type={saved === 'unchanged' ? 'info' : 'ok'} role="status" id="user-edit-saved">
              <p className="utrecht-paragraph">
                {saved === 'unchanged'
                  ? t('users.unchanged')
                  : saved === 'sessionsEnded'
                    ? t('users.savedSessionsEnded', { name: user.name })
                    : t('users.saved')}
              </p>
            </Alert>
          ) : null}
          {conflict ? (
            <Alert type="error" role="alert" title={problem?.title} id="user-edit-conflict">
              <p className="utrecht-paragraph">{t('users.conflict')}</p>
              <Button appearance="secondary" busy={reloading} disabled={reloading} onClick={() => void reload()}>
                {t('users.reload')}
              </Button>
            </Alert>
          ) : (
            <ProblemAlert problem={problem} id="user-edit-problem" />
          )}
          <TextField
            id={IDS.name}
            label={t('field.name')}
            value={name}
            onChange={(value) => {
              setName(value);
              clear('name');
            }}
            autoComplete="off"
            required
            error={errorOf('name')}
          />
          <CheckboxGroup
            id={IDS.roles}
            legend={t('users.roles')}
            description={kind ? t('users.rolesHelp', { kind: t(`orgKind.${kind}`) }) : t('users.rolesHelpUnknown')}
            options={roleOptions(t, kind, user.roles)}
            values={roles}
            onChange={(values) => {
              setRoles(sortRoles(values));
              clear('roles');
            }}
            error={errorOf('roles')}
          />
          <Paragraph small className="eh-muted">
            {t('users.rolesSessionsNote', { name: user.name })}
          </Paragraph>
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={update.isPending} disabled={update.isPending}>
              {update.isPending ? t('common.saving') : t('common.save')}
            </Button>
            <Button appearance="secondary" onClick={onClose}>
              {t('users.close')}
            </Button>
          </ButtonGroup>
        </form>
        <ActiveSwitch user={user} />
      </div>
    </div>
  );
}

/** Deactivate (destructive, confirmed; the person's sessions end) or activate again. */
function ActiveSwitch({ user }: { user: AdminUser }) {
  const t = useT();
  const update = useUpdateUser();
  const problem = useProblem(update.error);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<'deactivated' | 'activated' | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const conflict = isApiError(update.error) && update.error.status === 409;

  useEffect(() => {
    if (done) document.getElementById('user-active-done')?.focus();
  }, [done]);

  const change = (active: boolean) => {
    setDone(null);
    update.mutate(
      { id: user.id, body: { version: user.version, active } },
      {
        onSuccess: () => {
          setOpen(false);
          setDone(active ? 'activated' : 'deactivated');
        },
      },
    );
  };

  const cancel = () => {
    setOpen(false);
    update.reset();
    triggerRef.current?.focus();
  };

  return (
    <section className="eh-section eh-panel" aria-labelledby="user-active-heading">
      <Heading level={3} id="user-active-heading">
        {t('users.accessHeading')}
      </Heading>
      {done ? (
        <Alert type="ok" role="status" id="user-active-done" tabIndex={-1}>
          <p className="utrecht-paragraph">
            {done === 'deactivated' ? t('users.deactivated', { name: user.name }) : t('users.activated', { name: user.name })}
          </p>
        </Alert>
      ) : null}
      {user.active ? (
        <>
          <Paragraph>{t('users.deactivateText', { name: user.name })}</Paragraph>
          <Button id="user-deactivate" ref={triggerRef} appearance="primary" danger onClick={() => setOpen(true)}>
            {t('users.deactivate')}
          </Button>
        </>
      ) : (
        <>
          <Paragraph>{t('users.inactiveText', { name: user.name })}</Paragraph>
          {!open && problem ? <ProblemAlert problem={problem} id="user-activate-problem" /> : null}
          <Button
            id="user-activate"
            appearance="secondary"
            busy={update.isPending}
            disabled={update.isPending}
            onClick={() => change(true)}
          >
            {t('users.activate')}
          </Button>
        </>
      )}
      <ConfirmDialog
        id="user-deactivate-dialog"
        open={open}
        title={t('users.deactivateTitle', { name: user.name })}
        confirmLabel={update.isPending ? t('common.saving') : t('users.deactivateConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        busy={update.isPending}
        footer={
          problem ? (
            <>
              <ProblemAlert problem={problem} />
              {conflict ? <p className="utrecht-paragraph">{t('users.conflict')}</p> : null}
            </>
          ) : null
        }
        onConfirm={() => change(false)}
        onCancel={cancel}
      >
        <p className="utrecht-paragraph">{t('users.deactivateDialogText', { name: user.name })}</p>
      </ConfirmDialog>
    </section>
  );
}
