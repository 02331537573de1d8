import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAllLocations, useAllUnits, useOrganisations } from '../../api/hooks';
import { useCalls, useCreateCall, type Call, type CallStatus } from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { isIsoDate } from '../../dates';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import { callPath, matchingAccess } from './access';
import './matching.css';

/**
 * /uitvragen: the broad calls the user may see (the office: all; care staff: those sent to their
 * provider) and, for the office, a form to send a new one (POST /api/v1/calls).
 * Ids: `calls-table`, `calls-new` (disclosure button), `call-form` with `call-title`,
 * `call-scope` (`-location`, `-units`), `call-location`, `call-units`, `call-recipients-mode`
 * (`-all`, `-chosen`), `call-recipients`, `call-requirements`, `call-deadline`, `call-submit`.
 */
export function CallsPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('calls.title'));
  const [formOpen, setFormOpen] = useState(false);
  if (!matchingAccess.calls(me)) {
    return (
      <>
        <Heading level={1}>{t('calls.title')}</Heading>
        <Alert type="info" id="calls-no-access">
          <p className="utrecht-paragraph">{t('calls.noAccess')}</p>
        </Alert>
      </>
    );
  }
  const office = matchingAccess.createCall(me);
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1}>{t('calls.title')}</Heading>
        {office ? (
          <Button id="calls-new" appearance="primary" aria-expanded={formOpen} aria-controls="call-form-section" onClick={() => setFormOpen((v) => !v)}>
            {t('calls.new')}
          </Button>
        ) : null}
      </div>
      <Paragraph>{office ? t('calls.introOffice') : t('calls.introProvider')}</Paragraph>
      {office && formOpen ? (
        <section id="call-form-section" className="eh-section" aria-labelledby="call-form-heading">
          <Heading level={2} id="call-form-heading">
            {t('calls.new')}
          </Heading>
          <NewCallForm onCancel={() => setFormOpen(false)} />
        </section>
      ) : null}
      <CallList />
    </>
  );
}

function CallList() {
  const t = useT();
  const format = useFormat();
  const { programme } = useProgrammeSelection();
  const [status, setStatus] = useState<CallStatus | ''>('');
  const calls = useCalls({ programmeId: programme?.id, status: status || undefined });
  const items: Call[] = calls.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="eh-section" aria-labelledby="calls-list-heading">
      <Heading level={2} id="calls-list-heading">
        {t('calls.list')}
      </Heading>
      <SelectField
        id="calls-status"
        label={t('calls.filterStatus')}
        value={status}
        onChange={(v) => setStatus(v as CallStatus | '')}
        emptyLabel={t('common.all')}
        options={(['open', 'closed', 'cancelled'] as const).map((s) => ({ value: s, label: t(`callStatus.${s}`) }))}
      />
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('calls.empty')}</Empty>
      ) : (
        <>
          <Table caption={t('calls.list')} hideCaption id="calls-table">
            <THead>
              <Tr>
                <Th>{t('calls.field.title')}</Th>
                <Th>{t('calls.field.homes')}</Th>
                <Th>{t('calls.field.deadline')}</Th>
                <Th>{t('field.status')}</Th>
                <Th numeric>{t('calls.field.nominations')}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((c) => (
                <Tr key={c.id}>
                  <Th scope="row">
                    <AppLink to={callPath(c.id)}>{c.title}</AppLink>
                  </Th>
                  <Td>{c.location ? c.location.name : c.units.map((u) => u.label).join(', ')}</Td>
                  <Td>{format.date(c.deadline)}</Td>
                  <Td>{t(`callStatus.${c.status}`)}</Td>
                  <Td numeric>{c.nominationCount}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {calls.hasNextPage ? (
            <Button busy={calls.isFetchingNextPage} onClick={() => void calls.fetchNextPage()}>
              {calls.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function NewCallForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { programme } = useProgrammeSelection();
  const locations = useAllLocations({ programmeId: programme?.id }, Boolean(programme));
  const units = useAllUnits({ programmeId: programme?.id, status: 'available' }, Boolean(programme));
  const providers = useOrganisations('care_provider');
  const create = useCreateCall();
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);

  const [title, setTitle] = useState('');
  const [scope, setScope] = useState<'location' | 'units'>('location');
  const [locationId, setLocationId] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [recipientsMode, setRecipientsMode] = useState<'all' | 'chosen'>('all');
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [requirements, setRequirements] = useState('');
  const [deadline, setDeadline] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!programme) return;
    const ok = validate(
      {
        title: title.trim().length < 3 && t('calls.error.title'),
        locationId: scope === 'location' && !locationId && t('calls.error.location'),
        unitIds: scope === 'units' && unitIds.length === 0 && t('calls.error.units'),
        recipientIds: recipientsMode === 'chosen' && recipientIds.length === 0 && t('calls.error.recipients'),
        requirements: requirements.trim().length < 3 && t('calls.error.requirements'),
        deadline: !isIsoDate(deadline) && t('calls.error.deadline'),
      },
      { title: 'call-title', locationId: 'call-location', unitIds: 'call-units', recipientIds: 'call-recipients', requirements: 'call-requirements', deadline: 'call-deadline' },
    );
    if (!ok) return;
    create.mutate(
      {
        programmeId: programme.id,
        title: title.trim(),
        ...(scope === 'location' ? { locationId } : { unitIds }),
        requirements: requirements.trim(),
        deadline,
        ...(recipientsMode === 'chosen' ? { recipientIds } : {}),
      },
      { onSuccess: (call) => navigate(callPath(call.id), { state: { created: true } }) },
    );
  };

  if (locations.isPending || units.isPending || providers.isPending) return <Loading />;
  if (locations.isError) return <QueryError error={locations.error} onRetry={() => void locations.refetch()} />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;
  if (providers.isError) return <QueryError error={providers.error} onRetry={() => void providers.refetch()} />;

  return (
    <form id="call-form" className="eh-form" noValidate onSubmit={submit}>
      <ProblemAlert problem={problem} />
      <TextField id="call-title" label={t('calls.field.title')} value={title} onChange={(v) => { setTitle(v); clear('title'); }} error={errorOf('title')} required />
      <RadioGroup
        id="call-scope"
        legend={t('calls.field.scope')}
        value={scope}
        onChange={(v) => setScope(v as 'location' | 'units')}
        options={[
          { value: 'location', label: t('calls.scope.location') },
          { value: 'units', label: t('calls.scope.units') },
        ]}
      />
      {scope === 'location' ? (
        <SelectField
          id="call-location"
          label={t('calls.field.location')}
          value={locationId}
          onChange={(v) => { setLocationId(v); clear('locationId'); }}
          emptyLabel={t('common.choose')}
          options={locations.data.map((l) => ({ value: l.id, label: `${l.name} (${t(`deliveryMode.${l.deliveryMode}`)})` }))}
          error={errorOf('locationId')}
          required
        />
      ) : units.data.length === 0 ? (
        <Empty>{t('calls.noAvailableUnits')}</Empty>
      ) : (
        <CheckboxGroup
          id="call-units"
          legend={t('calls.field.units')}
          values={unitIds}
          onChange={(v) => { setUnitIds(v); clear('unitIds'); }}
          options={units.data.map((u) => ({ value: u.id, label: u.label, group: u.location ?? u.municipality }))}
          error={errorOf('unitIds')}
        />
      )}
      <RadioGroup
        id="call-recipients-mode"
        legend={t('calls.field.recipients')}
        value={recipientsMode}
        onChange={(v) => setRecipientsMode(v as 'all' | 'chosen')}
        options={[
          { value: 'all', label: t('calls.recipients.all') },
          { value: 'chosen', label: t('calls.recipients.chosen') },
        ]}
      />
      {recipientsMode === 'chosen' ? (
        <CheckboxGroup
          id="call-recipients"
          legend={t('calls.field.providers')}
          values={recipientIds}
          onChange={(v) => { setRecipientIds(v); clear('recipientIds'); }}
          options={providers.data.map((o) => ({ value: o.id, label: o.name }))}
          error={errorOf('recipientIds')}
        />
      ) : null}
      <TextareaField
        id="call-requirements"
        label={t('calls.field.requirements')}
        description={t('calls.field.requirementsHint')}
        value={requirements}
        onChange={(v) => { setRequirements(v); clear('requirements'); }}
        error={errorOf('requirements')}
        rows={4}
      />
      <TextField id="call-deadline" type="date" label={t('calls.field.deadline')} value={deadline} onChange={(v) => { setDeadline(v); clear('deadline'); }} error={errorOf('deadline')} required />
      <ButtonGroup>
        <Button id="call-submit" type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
          {create.isPending ? t('calls.sending') : t('calls.send')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
