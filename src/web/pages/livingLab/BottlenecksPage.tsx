import { useState } from 'react';
import { useParams } from 'react-router';
import { useOrganisations } from '../../api/hooks';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextField, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, LoadMore, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { todayIso } from '../../dates';
import { useFieldErrors } from '../../formErrors';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { useCurrentUser, useProgrammeSelection } from '../../session';
import {
  BOTTLENECK_AREAS,
  BOTTLENECKS_PATH,
  BOTTLENECK_STATUSES,
  livingLabAccess,
  useBottleneck,
  useBottlenecks,
  useProposeBottleneck,
  useUpdateBottleneck,
  type Bottleneck,
  type BottleneckArea,
  type BottleneckDetail,
  type BottleneckStatus,
} from './api';

const statusLabel = (v: BottleneckStatus) => `livingLab.status.${v}` as MessageKey;
const areaLabel = (v: BottleneckArea) => `livingLab.area.${v}` as MessageKey;

/**
 * /knelpunten (and /knelpunten/{id}): the bottleneck register by status, a form to propose one,
 * and a selected bottleneck with its history; the programme office changes status, owner and
 * solution there.
 */
export function BottlenecksPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('livingLab.bn.title'));
  const { id } = useParams();
  const { programme } = useProgrammeSelection();
  const allowed = livingLabAccess.bottlenecks(me);
  const list = useBottlenecks({ programmeId: programme?.id }, allowed);
  const items: Bottleneck[] = list.data?.pages.flatMap((p) => p.items) ?? [];

  if (!allowed) {
    return (
      <>
        <Heading level={1}>{t('livingLab.bn.title')}</Heading>
        <Alert type="info" id="bn-no-access"><p className="utrecht-paragraph">{t('livingLab.bn.noAccess')}</p></Alert>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t('livingLab.bn.title')}</Heading>
      <Paragraph lead>{t('livingLab.bn.intro')}</Paragraph>
      {id ? <Selected id={id} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('livingLab.bn.empty')}</Empty>
      ) : (
        BOTTLENECK_STATUSES.map((status) => {
          const group = items.filter((b) => b.status === status);
          return (
            <section key={status} aria-labelledby={`bn-${status}-heading`}>
              <Heading level={2} id={`bn-${status}-heading`}>{`${t(statusLabel(status))} (${group.length})`}</Heading>
              {group.length === 0 ? <Empty>{t('livingLab.bn.none')}</Empty> : <BottleneckTable items={group} status={status} />}
            </section>
          );
        })
      )}
      <LoadMore query={list} id="bn-more" />
      {programme ? <ProposeForm programmeId={programme.id} /> : null}
    </>
  );
}

function BottleneckTable({ items, status }: { items: Bottleneck[]; status: BottleneckStatus }) {
  const t = useT();
  const f = useFormat();
  return (
    <Table caption={t(statusLabel(status))} hideCaption id={`bn-table-${status}`}>
      <THead>
        <Tr>
          <Th scope="col">{t('livingLab.bn.titleField')}</Th>
          <Th scope="col">{t('livingLab.bn.area')}</Th>
          <Th scope="col">{t('livingLab.bn.owner')}</Th>
          <Th scope="col">{t('livingLab.bn.proposedOn')}</Th>
          <Th scope="col">{t('livingLab.bn.solvedOn')}</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((b) => (
          <Tr key={b.id}>
            <Th scope="row">
              <AppLink to={`${BOTTLENECKS_PATH}/${b.id}`}>{b.title}</AppLink>
            </Th>
            <Td>{t(areaLabel(b.area))}</Td>
            <Td>{[b.owner.organisation?.name, b.owner.name].filter(Boolean).join(' — ') || t('livingLab.bn.noOwner')}</Td>
            <Td>{f.date(b.createdAt.slice(0, 10))}</Td>
            <Td>{b.solvedOn ? f.date(b.solvedOn) : t('common.empty')}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function Selected({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const b = useBottleneck(id);
  if (b.isPending) return <Loading />;
  if (b.isError) return <QueryError error={b.error} onRetry={() => void b.refetch()} />;
  const d = b.data;
  return (
    <section aria-labelledby="bn-detail-heading" className="eh-card" id="bn-detail">
      <Heading level={2} id="bn-detail-heading">{d.title}</Heading>
      <dl className="eh-datalist">
        <dt>{t('livingLab.bn.status')}</dt>
        <dd id="bn-detail-status">{t(statusLabel(d.status))}</dd>
        <dt>{t('livingLab.bn.area')}</dt>
        <dd>{t(areaLabel(d.area))}</dd>
        <dt>{t('livingLab.bn.description')}</dt>
        <dd>{d.description}</dd>
        <dt>{t('livingLab.bn.owner')}</dt>
        <dd>{[d.owner.organisation?.name, d.owner.name].filter(Boolean).join(' — ') || t('livingLab.bn.noOwner')}</dd>
        <dt>{t('livingLab.bn.solution')}</dt>
        <dd>{d.solution ?? t('common.empty')}</dd>
        <dt>{t('livingLab.bn.solvedOn')}</dt>
        <dd>{d.solvedOn ? f.date(d.solvedOn) : t('common.empty')}</dd>
        <dt>{t('livingLab.bn.proposedBy')}</dt>
        <dd>{[d.proposedBy?.name, d.proposedByOrganisation?.name].filter(Boolean).join(', ')}</dd>
      </dl>
      {d.abilities.edit ? <EditForm key={d.version} b={d} /> : null}
      <Heading level={3}>{t('livingLab.bn.history')}</Heading>
      <ol className="eh-timeline" id="bn-history">
        {d.history.map((e) => (
          <li key={e.id}>
            <strong>{f.dateTime(e.recordedAt)}</strong>{' '}
            {e.kind === 'proposed'
              ? t('livingLab.bn.evProposed')
              : e.kind === 'status_changed' && e.statusBefore
                ? t('livingLab.bn.evStatus', { from: t(statusLabel(e.statusBefore)), to: t(statusLabel(e.statusAfter)) })
                : t('livingLab.bn.evEdited', { fields: Object.keys(e.changes).join(', ') })}
            {e.recordedBy ? ` — ${e.recordedBy.name}` : ''}
            {e.note ? <Paragraph small>{e.note}</Paragraph> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function EditForm({ b }: { b: BottleneckDetail }) {
  const t = useT();
  const update = useUpdateBottleneck(b.id);
  const problem = useProblem(update.error);
  const { errorOf } = useFieldErrors(problem);
  const [status, setStatus] = useState<BottleneckStatus>(b.status);
  const [solution, setSolution] = useState(b.solution ?? '');
  const [solvedOn, setSolvedOn] = useState(b.solvedOn ?? todayIso());
  const [ownerName, setOwnerName] = useState(b.owner.name ?? '');
  const [note, setNote] = useState('');
  const submit = () =>
    update.mutate({
      version: b.version,
      ...(status !== b.status ? { status } : {}),
      solution: solution.trim() ? solution.trim() : null,
      ...(status === 'solved' ? { solvedOn } : {}),
      ownerName: ownerName.trim() ? ownerName.trim() : null,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  return (
    <form
      className="eh-form"
      id="bn-edit"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Heading level={3}>{t('livingLab.bn.edit')}</Heading>
      <ProblemAlert problem={problem} />
      <SelectField
        id="bn-edit-status"
        label={t('livingLab.bn.status')}
        value={status}
        onChange={(v) => setStatus(v as BottleneckStatus)}
        options={[b.status, ...b.allowedStatuses].map((s) => ({ value: s, label: t(statusLabel(s)) }))}
        error={errorOf('status')}
      />
      <TextareaField id="bn-edit-solution" label={t('livingLab.bn.solution')} value={solution} onChange={setSolution} error={errorOf('solution')} description={t('livingLab.bn.solutionHelp')} />
      {status === 'solved' ? <TextField id="bn-edit-solved-on" label={t('livingLab.bn.solvedOn')} type="date" value={solvedOn} onChange={setSolvedOn} required error={errorOf('solvedOn')} /> : null}
      <TextField id="bn-edit-owner-name" label={t('livingLab.bn.ownerName')} value={ownerName} onChange={setOwnerName} optional />
      <TextareaField id="bn-edit-note" label={t('livingLab.bn.note')} value={note} onChange={setNote} optional />
      <ButtonGroup>
        <Button type="submit" id="bn-edit-save" busy={update.isPending} disabled={update.isPending}>{t('common.save')}</Button>
      </ButtonGroup>
    </form>
  );
}

function ProposeForm({ programmeId }: { programmeId: string }) {
  const t = useT();
  const propose = useProposeBottleneck();
  const orgs = useOrganisations();
  const problem = useProblem(propose.error);
  const { errorOf, validate } = useFieldErrors(problem);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [area, setArea] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = () => {
    const ok = validate(
      { title: !title.trim() && t('livingLab.required'), description: !description.trim() && t('livingLab.required'), area: !area && t('livingLab.required') },
      { title: 'bn-new-title', description: 'bn-new-description', area: 'bn-new-area' },
    );
    if (!ok) return;
    propose.mutate(
      { programmeId, title: title.trim(), description: description.trim(), area: area as BottleneckArea, ...(owner ? { ownerOrganisationId: owner } : {}), ...(ownerName.trim() ? { ownerName: ownerName.trim() } : {}) },
      {
        onSuccess: (b) => {
          setDone(b.title);
          setTitle('');
          setDescription('');
          setArea('');
          setOwner('');
          setOwnerName('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="bn-new-heading">
      <Heading level={2} id="bn-new-heading">{t('livingLab.bn.new')}</Heading>
      {done ? <Alert type="ok" role="status" id="bn-proposed"><p className="utrecht-paragraph">{t('livingLab.bn.proposed', { title: done })}</p></Alert> : null}
      <form
        className="eh-form"
        id="bn-new"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ProblemAlert problem={problem} />
        <TextField id="bn-new-title" label={t('livingLab.bn.titleField')} value={title} onChange={setTitle} required error={errorOf('title')} />
        <TextareaField id="bn-new-description" label={t('livingLab.bn.description')} value={description} onChange={setDescription} error={errorOf('description')} />
        <SelectField id="bn-new-area" label={t('livingLab.bn.area')} value={area} onChange={setArea} emptyLabel={t('livingLab.choose')} required error={errorOf('area')} options={BOTTLENECK_AREAS.map((v) => ({ value: v, label: t(areaLabel(v)) }))} />
        <SelectField id="bn-new-owner" label={t('livingLab.bn.ownerOrganisation')} value={owner} onChange={setOwner} emptyLabel={t('livingLab.bn.noOwner')} optional options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        <TextField id="bn-new-owner-name" label={t('livingLab.bn.ownerName')} value={ownerName} onChange={setOwnerName} optional />
        <ButtonGroup>
          <Button type="submit" id="bn-new-submit" busy={propose.isPending} disabled={propose.isPending}>{t('livingLab.bn.submit')}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
