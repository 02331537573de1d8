import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { useDuplicatePairs, useMergeParticipant, useParticipant } from '../../api/hooks';
import type { DuplicatePair, DuplicatePairRecord, ParticipantDetail } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RadioGroup, TextareaField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Loading, QueryError, useProblem, LoadMore } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { usePathErrors } from '../../formErrors';
import { useFormat, useT } from '../../i18n';
import { PARTICIPANTS_PATH, participantPath } from '../../paths';
import { access } from '../../roles';
import { useCurrentUser } from '../../session';

/** The survivor and the merged record of the last merge, for the success message. */
interface Merged {
  survivor: string;
  duplicate: string;
}

/**
 * /deelnemers/dubbelen: the programme office's possible duplicates (same BSN, or same name and
 * date of birth) side by side, and merging a pair (POST /participants/{survivorId}/merges).
 * Ids: `duplicates-count`, `duplicates-list`, per pair `pair-{a}-{b}` (the two codes) with
 * `…-merge`, `…-panel`, `…-survivor` (options `-a`, `-b`), `…-reason`, `…-submit`, `…-dialog`;
 * after a merge `duplicates-merged`.
 */
export function DuplicatesPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('duplicatePairs.title'));
  const allowed = access.duplicates(me);
  const [merged, setMerged] = useState<Merged | null>(null);
  const mergedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (merged) mergedRef.current?.focus();
  }, [merged]);

  return (
    <>
      <p className="eh-back">
        <AppLink to={PARTICIPANTS_PATH}>{t('participant.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('duplicatePairs.title')}</Heading>
      {allowed ? (
        <>
          <Paragraph>{t('duplicatePairs.intro')}</Paragraph>
          {merged ? (
            <div ref={mergedRef} tabIndex={-1}>
              <Alert type="ok" role="status" id="duplicates-merged">
                <p className="utrecht-paragraph">{t('duplicatePairs.merged', { survivor: merged.survivor, duplicate: merged.duplicate })}</p>
                <p className="utrecht-paragraph">
                  <AppLink to={participantPath(merged.survivor)} id="duplicates-merged-link">
                    {t('participant.toRecord', { code: merged.survivor })}
                  </AppLink>
                </p>
              </Alert>
            </div>
          ) : null}
          <PairList onMerged={setMerged} />
        </>
      ) : (
        <Alert type="info" id="duplicates-office-only">
          <p className="utrecht-paragraph">{t('duplicatePairs.officeOnly')}</p>
        </Alert>
      )}
    </>
  );
}

const pairKey = (pair: DuplicatePair) => `pair-${pair.a.code}-${pair.b.code}`;

function PairList({ onMerged }: { onMerged: (merged: Merged) => void }) {
  const t = useT();
  const list = useDuplicatePairs();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  if (list.isPending) return <Loading />;
  if (list.isError && items.length === 0) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <p
        id="duplicates-count"
        className={items.length === 0 ? 'utrecht-paragraph eh-empty' : 'utrecht-paragraph eh-result-count'}
        role="status"
      >
        {items.length === 0
          ? t('duplicatePairs.empty')
          : list.hasNextPage
            ? t('duplicatePairs.countMore', { count: items.length })
            : t('duplicatePairs.count', { count: items.length })}
      </p>
      {items.length === 0 ? null : (
        <ul className="eh-pair-list" id="duplicates-list">
          {items.map((pair) => (
            <li key={pairKey(pair)}>
              <PairCard pair={pair} onMerged={onMerged} />
            </li>
          ))}
        </ul>
      )}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
      <LoadMore query={list} id="duplicates-more" />
    </>
  );
}

/** One pair: the two records side by side; "Samenvoegen" opens the merge panel (and loads both pages). */
function PairCard({ pair, onMerged }: { pair: DuplicatePair; onMerged: (merged: Merged) => void }) {
  const t = useT();
  const key = pairKey(pair);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The pages of both records (provider, waiting list, home, version) only once a merge is considered.
  const a = useParticipant(open ? pair.a.id : undefined);
  const b = useParticipant(open ? pair.b.id : undefined);

  const close = () => {
    setOpen(false);
    window.setTimeout(() => toggleRef.current?.focus(), 0);
  };

  return (
    <article className="eh-card eh-pair" id={key} data-pair={`${pair.a.code} ${pair.b.code}`} aria-labelledby={`${key}-title`}>
      <Heading level={2} id={`${key}-title`} className="eh-card__title">
        {t('duplicatePairs.pairTitle', { a: pair.a.code, b: pair.b.code })}
      </Heading>
      <p className="utrecht-paragraph eh-pair__match">
        {t('duplicatePairs.matchedOn')}{' '}
        {pair.matchedOn.map((on) => (
          <span key={on} className="eh-tag">
            {t(`duplicates.on.${on}`)}
          </span>
        ))}
      </p>
      <PairTable pair={pair} details={open ? [a.data, b.data] : undefined} />
      {open ? (
        <MergePanel pair={pair} queries={[a, b]} onCancel={close} onMerged={onMerged} />
      ) : (
        <Button
          id={`${key}-merge`}
          ref={toggleRef}
          appearance="primary"
          onClick={() => setOpen(true)}
        >
          {t('duplicatePairs.merge')}
          <span className="eh-visually-hidden"> {t('duplicatePairs.pairTitle', { a: pair.a.code, b: pair.b.code })}</span>
        </Button>
      )}
    </article>
  );
}

/** The comparison table: a column per record, a row per fact; more rows once both pages are loaded. */
function PairTable({ pair, details }: { pair: DuplicatePair; details?: [ParticipantDetail | undefined, ParticipantDetail | undefined] }) {
  const t = useT();
  const format = useFormat();
  const records: [DuplicatePairRecord, DuplicatePairRecord] = [pair.a, pair.b];
  const [da, db] = details ?? [undefined, undefined];
  const loaded = Boolean(da && db);

  const rows: Array<{ key: string; label: string; cell: (r: DuplicatePairRecord, d?: ParticipantDetail) => ReactNode }> = [
    { key: 'name', label: t('field.name'), cell: (r) => r.name },
    { key: 'dob', label: t('field.dateOfBirth'), cell: (r) => format.date(r.dateOfBirth) },
    { key: 'phase', label: t('field.phase'), cell: (r) => <PhaseBadge phase={r.phase} /> },
    { key: 'referred', label: t('duplicatePairs.firstReferral'), cell: (r) => format.date(r.referredOn) },
  ];
  if (loaded) {
    rows.push(
      {
        key: 'referredBy',
        label: t('participant.referredBy'),
        cell: (_r, d) => (d && d.referrals.length ? [...new Set(d.referrals.map((x) => x.organisation.name))].join(', ') : t('common.empty')),
      },
      { key: 'provider', label: t('field.guidingProvider'), cell: (_r, d) => d?.provider?.name ?? t('common.empty') },
      {
        key: 'waitingList',
        label: t('field.waitingListRegisteredOn'),
        cell: (_r, d) => (d?.waitingListRegisteredOn ? format.date(d.waitingListRegisteredOn) : t('participant.notOnWaitingList')),
      },
      {
        key: 'home',
        label: t('participant.placement'),
        cell: (_r, d) =>
          d?.placement ? (
            <strong>{d.placement.unit ? t('duplicatePairs.livesIn', { unit: d.placement.unit }) : t('duplicatePairs.livesInHidden')}</strong>
          ) : (
            t('common.none')
          ),
      },
      { key: 'bsn', label: t('duplicatePairs.bsnRecorded'), cell: (_r, d) => (d?.hasBsn ? t('common.yes') : t('common.no')) },
    );
  }

  return (
    <Table caption={t('duplicatePairs.caption', { a: pair.a.code, b: pair.b.code })} hideCaption className="eh-pair__table">
      <THead>
        <Tr>
          <Th>
            <span className="eh-visually-hidden">{t('duplicatePairs.fact')}</span>
          </Th>
          {records.map((r) => (
            <Th key={r.id}>
              <AppLink to={participantPath(r.code)} className="eh-code">
                {r.code}
              </AppLink>
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.key}>
            <Th scope="row">{row.label}</Th>
            <Td>{row.cell(pair.a, da)}</Td>
            <Td>{row.cell(pair.b, db)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

type Side = 'a' | 'b';

/** Choose the record that stays, give the reason, confirm: the merge cannot be undone. */
function MergePanel({
  pair,
  queries,
  onCancel,
  onMerged,
}: {
  pair: DuplicatePair;
  queries: [UseQueryResult<ParticipantDetail>, UseQueryResult<ParticipantDetail>];
  onCancel: () => void;
  onMerged: (merged: Merged) => void;
}) {
  const t = useT();
  const format = useFormat();
  const key = pairKey(pair);
  const ids = { survivor: `${key}-survivor`, reason: `${key}-reason` };
  const merge = useMergeParticipant();
  const problem = useProblem(merge.error);
  const { errorOf, validate, clear } = usePathErrors(problem);
  const [side, setSide] = useState<Side | ''>('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [conflict, setConflict] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const [qa, qb] = queries;
  const pending = qa.isPending || qb.isPending;
  const failed = qa.isError ? qa : qb.isError ? qb : null;
  const detail = (s: Side) => (s === 'a' ? qa.data : qb.data);
  const record = (s: Side) => (s === 'a' ? pair.a : pair.b);
  const other = (s: Side): Side => (s === 'a' ? 'b' : 'a');

  const survivor = side ? record(side) : null;
  const duplicate = side ? record(other(side)) : null;
  const duplicateDetail = side ? detail(other(side)) : undefined;
  const da = qa.data;
  const db = qb.data;
  const differentBsns = Boolean(da?.hasBsn && db?.hasBsn && !pair.matchedOn.includes('bsn'));
  const differentProgrammes = Boolean(da && db && da.programmeId !== db.programmeId);

  const option = (s: Side) => {
    const r = record(s);
    const params = { code: r.code, name: r.name, date: format.date(r.referredOn) };
    return {
      value: s,
      label: detail(s)?.placement ? t('duplicatePairs.survivorOptionHome', params) : t('duplicatePairs.survivorOption', params),
    };
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    merge.reset();
    const text = reason.trim();
    const valid = validate(
      {
        survivor: !side && t('duplicatePairs.chooseSurvivor'),
        reason: (!text && t('validation.required')) || (text.length < 5 && t('duplicatePairs.reasonShort')),
      },
      ids,
    );
    if (valid) setConfirming(true);
  };

  const cancelConfirm = () => {
    setConfirming(false);
    merge.reset();
    window.setTimeout(() => submitRef.current?.focus(), 0);
  };

  const confirm = () => {
    if (!side || !survivor || !duplicate) return;
    const survivorDetail = detail(side);
    if (!survivorDetail) return;
    // mutateAsync, not mutate's callbacks: once merged, the pair leaves the refreshed list and this
    // panel unmounts before the callbacks would run; the page keeps the success message.
    merge
      .mutateAsync({ survivorId: survivor.id, body: { duplicateId: duplicate.id, reason: reason.trim(), version: survivorDetail.version } })
      .then(
        (out) => {
          setConfirming(false);
          onMerged({ survivor: out.code, duplicate: duplicate.code });
        },
        (error: unknown) => {
          setConfirming(false);
          if (isApiError(error) && error.code === 'version_conflict') {
            // one of the records changed in the meantime: load both again before another try
            setConflict(true);
            merge.reset();
            void qa.refetch();
            void qb.refetch();
          }
          window.setTimeout(() => refusalRef.current?.focus(), 0);
        },
      );
  };

  return (
    <section className="eh-panel eh-pair__panel" id={`${key}-panel`} aria-labelledby={`${key}-panel-heading`}>
      <Heading level={3} id={`${key}-panel-heading`} ref={headingRef} tabIndex={-1}>
        {t('duplicatePairs.mergeHeading', { a: pair.a.code, b: pair.b.code })}
      </Heading>
      {pending ? (
        <Loading label={t('duplicatePairs.detailsLoading')} />
      ) : failed ? (
        <>
          <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
          <Button appearance="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </>
      ) : (
        <form className="eh-form" noValidate onSubmit={onSubmit} id={`${key}-form`}>
          <Paragraph>{t('duplicatePairs.mergeIntro')}</Paragraph>
          <div ref={refusalRef} tabIndex={-1}>
            {conflict ? (
              <Alert type="warning" role="alert" id={`${key}-conflict`}>
                <p className="utrecht-paragraph">{t('duplicatePairs.conflict')}</p>
              </Alert>
            ) : null}
            {problem && !confirming ? (
              <Alert type="error" role="alert" title={t('duplicatePairs.refused')} id={`${key}-refused`}>
                <p className="utrecht-paragraph">{problem.title}</p>
                {problem.detail ? <p className="utrecht-paragraph">{problem.detail}</p> : null}
              </Alert>
            ) : null}
          </div>
          {differentBsns ? (
            <Alert type="warning" id={`${key}-warn-bsn`}>
              <p className="utrecht-paragraph">{t('duplicatePairs.warnBsn')}</p>
            </Alert>
          ) : null}
          {differentProgrammes ? (
            <Alert type="warning" id={`${key}-warn-programme`}>
              <p className="utrecht-paragraph">{t('duplicatePairs.warnProgramme')}</p>
            </Alert>
          ) : null}
          <RadioGroup
            id={ids.survivor}
            legend={t('duplicatePairs.survivorLegend')}
            description={t('duplicatePairs.survivorHelp')}
            options={[option('a'), option('b')]}
            value={side}
            onChange={(value) => {
              setSide(value === 'a' || value === 'b' ? value : '');
              clear('survivor');
            }}
            required
            error={errorOf('survivor')}
          />
          {duplicate && duplicateDetail?.placement ? (
            <Alert type="warning" id={`${key}-warn-home`}>
              <p className="utrecht-paragraph">{t('duplicatePairs.warnHome', { code: duplicate.code })}</p>
            </Alert>
          ) : null}
          <TextareaField
            id={ids.reason}
            label={t('duplicatePairs.reason')}
            description={t('duplicatePairs.reasonHelp')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              clear('reason');
            }}
            error={errorOf('reason')}
          />
          <ButtonGroup>
            <Button id={`${key}-submit`} ref={submitRef} type="submit" appearance="primary" danger>
              {t('duplicatePairs.submit')}
            </Button>
            <Button id={`${key}-cancel`} appearance="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {survivor && duplicate ? (
        <ConfirmDialog
          id={`${key}-dialog`}
          open={confirming}
          title={t('duplicatePairs.confirmTitle', { survivor: survivor.code, duplicate: duplicate.code })}
          confirmLabel={merge.isPending ? t('duplicatePairs.merging') : t('duplicatePairs.confirm')}
          cancelLabel={t('common.cancel')}
          danger
          busy={merge.isPending}
          onConfirm={confirm}
          onCancel={cancelConfirm}
        >
          <p className="utrecht-paragraph">{t('duplicatePairs.confirmStays', { survivor: survivor.code, duplicate: duplicate.code })}</p>
          <p className="utrecht-paragraph">{t('duplicatePairs.confirmHistory', { survivor: survivor.code, duplicate: duplicate.code })}</p>
          <p className="utrecht-paragraph">
            <strong>{t('duplicatePairs.confirmFinal')}</strong>
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
