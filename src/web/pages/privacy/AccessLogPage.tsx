import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { adminApi, useAuditEvents, type AuditEvent, type AuditFilters } from '../../api/admin';
import { ACCESS_LOG_PATH, adminAccess, DATA_EXPORT_PATH } from '../../adminAccess';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, QueryError, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { isIsoDate } from '../../dates';
import { useFieldErrors } from '../../formErrors';
import { useI18n, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { labelOr, NoAccess, roleLabels } from '../admin/adminShared';

const CODE = /^EH-[A-Z0-9]{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Codes shown in a row before the rest folds away (a list page logs up to 50 participants). */
const CODES_SHOWN = 3;

/** "eh-ab12cd " → "EH-AB12CD" */
export const normaliseCode = (value: string) => value.trim().toUpperCase();

const IDS = { participantCode: 'audit-participant-code', userId: 'audit-user-id', from: 'audit-from', to: 'audit-to' };

/** /privacy/logboek: the access log (NEN 7513) for the data-protection officer. */
export function AccessLogPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('auditLog.title'));
  return (
    <>
      <Heading level={1}>{t('auditLog.title')}</Heading>
      {adminAccess.privacy(me) ? <AccessLog /> : <NoAccess text={t('privacy.noAccess')} />}
    </>
  );
}

/** The filters in the address, checked: invalid ones are reported, not sent. */
function readFilters(params: URLSearchParams) {
  const participantCode = normaliseCode(params.get('participantCode') ?? '');
  const userId = (params.get('userId') ?? '').trim();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid =
    (!participantCode || CODE.test(participantCode)) &&
    (!userId || UUID.test(userId)) &&
    (!from || isIsoDate(from)) &&
    (!to || isIsoDate(to)) &&
    (!from || !to || from <= to);
  const filters: AuditFilters = {
    participantCode: participantCode || undefined,
    userId: userId || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  return { filters, valid, form: { participantCode, userId, from, to } };
}

function AccessLog() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const current = readFilters(params);
  const filters = useMemo(() => current.filters, [params.toString()]);
  const [form, setForm] = useState(current.form);
  const { errorOf, validate, clear } = useFieldErrors(null);
  // follow the address when it changes from outside (a name or code clicked in the table, back/forward)
  useEffect(() => setForm(readFilters(params).form), [params.toString()]);

  // Every page read is logged: the query runs for submitted filters only, never while typing.
  const log = useAuditEvents(filters, current.valid);
  const items = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  const filtered = Boolean(filters.participantCode || filters.userId || filters.from || filters.to);
  const userName = filters.userId ? items.find((e) => e.user?.id === filters.userId)?.user?.name : undefined;

  const set = (name: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    clear(name);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseCode(form.participantCode);
    const userId = form.userId.trim();
    const ok = validate(
      {
        participantCode: code && !CODE.test(code) ? t('auditLog.codeInvalid') : undefined,
        userId: userId && !UUID.test(userId) ? t('auditLog.userInvalid') : undefined,
        from: form.from && !isIsoDate(form.from) ? t('auditLog.dateInvalid') : undefined,
        to: form.to && !isIsoDate(form.to) ? t('auditLog.dateInvalid') : form.from && form.to && form.to < form.from ? t('auditLog.toBeforeFrom') : undefined,
      },
      IDS,
    );
    if (!ok) return;
    const next = new URLSearchParams();
    if (code) next.set('participantCode', code);
    if (userId) next.set('userId', userId);
    if (form.from) next.set('from', form.from);
    if (form.to) next.set('to', form.to);
    setParams(next);
  };

  const reset = () => {
    setForm({ participantCode: '', userId: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };

  return (
    <>
      <Paragraph>{t('auditLog.intro')}</Paragraph>
      <Paragraph>
        {t('auditLog.dataExportHint')} <AppLink to={DATA_EXPORT_PATH}>{t('dataExport.title')}</AppLink>
      </Paragraph>
      <form className="eh-filters eh-audit-filters" role="search" aria-label={t('common.filters')} noValidate onSubmit={apply}>
        <TextField
          id={IDS.participantCode}
          label={t('auditLog.participantCode')}
          description={t('auditLog.participantCodeHelp')}
          value={form.participantCode}
          onChange={set('participantCode')}
          autoComplete="off"
          spellCheck={false}
          className="eh-code-field"
          error={errorOf('participantCode')}
        />
        <TextField
          id={IDS.userId}
          label={t('auditLog.user')}
          description={t('auditLog.userHelp')}
          value={form.userId}
          onChange={set('userId')}
          autoComplete="off"
          spellCheck={false}
          error={errorOf('userId')}
        />
        <TextField id={IDS.from} type="date" label={t('auditLog.from')} value={form.from} onChange={set('from')} error={errorOf('from')} />
        <TextField id={IDS.to} type="date" label={t('auditLog.to')} value={form.to} onChange={set('to')} error={errorOf('to')} />
        <div className="eh-filters__actions">
          <ButtonGroup>
            <Button id="audit-apply" type="submit" appearance="primary">
              {t('auditLog.apply')}
            </Button>
            {filtered ? (
              <Button id="audit-reset" appearance="subtle" onClick={reset}>
                {t('common.resetFilters')}
              </Button>
            ) : null}
          </ButtonGroup>
        </div>
      </form>

      {filters.userId && current.valid ? (
        <p className="utrecht-paragraph" id="audit-user-filter">
          {userName ? t('auditLog.forUser', { name: userName }) : t('auditLog.forUserId', { id: filters.userId })}
        </p>
      ) : null}

      {!current.valid ? (
        <Empty>{t('auditLog.invalidFilters')}</Empty>
      ) : log.isPending ? (
        <Loading />
      ) : log.isError && items.length === 0 ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <div className="eh-page-head">
            <p className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'} role="status">
              {items.length === 0
                ? filtered
                  ? t('auditLog.emptyFiltered')
                  : t('auditLog.empty')
                : log.hasNextPage
                  ? t('common.shownMore', { count: items.length })
                  : t('common.shown', { count: items.length })}
            </p>
            <a
              id="audit-export"
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={adminApi.auditExportUrl(filters)}
              download
            >
              {t('auditLog.export')}
            </a>
          </div>
          <Paragraph small className="eh-muted">
            {t('auditLog.exportHelp')}
          </Paragraph>
          {items.length === 0 ? null : <LogTable items={items} params={params} />}
          {log.isError ? <QueryError error={log.error} onRetry={() => void log.fetchNextPage()} /> : null}
          <LoadMore query={log} id="audit-more" />
        </>
      )}
    </>
  );
}

/** The address of the log with one filter changed (the other filters stay). */
function withFilter(params: URLSearchParams, name: string, value: string): string {
  const next = new URLSearchParams(params);
  next.set(name, value);
  return `${ACCESS_LOG_PATH}?${next.toString()}`;
}

function LogTable({ items, params }: { items: AuditEvent[]; params: URLSearchParams }) {
  const t = useT();
  const { lang } = useI18n();
  // a log needs the seconds
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    [lang],
  );
  return (
    <Table caption={t('auditLog.caption')} hideCaption id="audit-table">
      <THead>
        <Tr>
          <Th>{t('auditLog.time')}</Th>
          <Th>{t('auditLog.user')}</Th>
          <Th>{t('field.organisation')}</Th>
          <Th>{t('auditLog.role')}</Th>
          <Th>{t('auditLog.participants')}</Th>
          <Th>{t('auditLog.action')}</Th>
          <Th>{t('auditLog.result')}</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((event) => {
          const codes = event.participants.map((p) => p.code ?? p.id);
          return (
            <Tr key={event.id}>
              <Th scope="row" className="eh-nowrap">
                <time dateTime={event.at}>{time.format(new Date(event.at))}</time>
              </Th>
              <Td data-user-id={event.user?.id}>
                {event.user ? (
                  <AppLink to={withFilter(params, 'userId', event.user.id)} className="eh-audit-user">
                    {event.user.name || t('common.noName')}
                    <span className="eh-visually-hidden"> — {t('auditLog.onlyUser')}</span>
                  </AppLink>
                ) : (
                  t('common.empty')
                )}
              </Td>
              <Td>{event.organisation?.name ?? t('common.empty')}</Td>
              <Td>{roleLabels(t, event.role).join(', ') || t('common.empty')}</Td>
              <Td>
                <ParticipantCodes codes={codes} params={params} />
              </Td>
              <Td data-action={event.action}>{labelOr(t, 'auditAction', event.action)}</Td>
              <Td>
                <span className={event.result === 'success' ? undefined : 'eh-audit-refused'}>{labelOr(t, 'auditResult', event.result)}</span>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function ParticipantCodes({ codes, params }: { codes: string[]; params: URLSearchParams }) {
  const t = useT();
  if (codes.length === 0) return <>{t('common.empty')}</>;
  const link = (code: string) =>
    CODE.test(code) ? (
      <AppLink to={withFilter(params, 'participantCode', code)} translate="no">
        {code}
        <span className="eh-visually-hidden"> — {t('auditLog.onlyParticipant')}</span>
      </AppLink>
    ) : (
      <span translate="no">{code}</span>
    );
  const first = codes.slice(0, CODES_SHOWN);
  const rest = codes.slice(CODES_SHOWN);
  return (
    <>
      <ul className="eh-code-list">
        {first.map((code) => (
          <li key={code}>{link(code)}</li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="eh-code-more">
          <summary>{t('auditLog.moreCodes', { count: rest.length })}</summary>
          <ul className="eh-code-list">
            {rest.map((code) => (
              <li key={code}>{link(code)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
