import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useAcceptProposal, useProposal, type Proposal } from '../../api/matchingExtra';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataList } from '../../components/DataList';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useFormat, useT } from '../../i18n';
import { useCurrentUser } from '../../session';
import { matchingAccess, OFFERS_PATH } from './access';
import { NEW_PROPOSAL_PATH } from './proposalPaths';
import { ScoreParts } from './ScoreParts';
import './matching.css';

/**
 * /matching/voorstellen/:id (programme office): one batch proposal — every pair (home → candidate
 * code) with its score parts beside the greedy choice, the homes left unfilled and why, the totals
 * and how much worse the greedy choice would be; "turn into offers" (POST …/acceptances).
 * Ids: `proposal-heading`, `proposal-status`, `proposal-created`, `proposal-summary`,
 * `proposal-greedy`, `proposal-capacities-table`, `proposal-pairs-table` (rows `data-unit`),
 * `proposal-unfilled-table`, `proposal-accept` and the dialog `proposal-accept-dialog`,
 * `proposal-accepted` (with `proposal-offers-link`).
 */
export function ProposalDetailPage() {
  const t = useT();
  const me = useCurrentUser();
  const { id } = useParams();
  const office = matchingAccess.office(me);
  const proposal = useProposal(office ? id : undefined);
  usePageTitle(t('proposals.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={NEW_PROPOSAL_PATH}>{t('proposals.backToNew')}</AppLink>
      </p>
      {!office ? (
        <>
          <Heading level={1}>{t('proposals.title')}</Heading>
          <Alert type="info" id="proposals-no-access">
            <p className="utrecht-paragraph">{t('proposals.noAccess')}</p>
          </Alert>
        </>
      ) : proposal.isPending ? (
        <Loading />
      ) : proposal.isError ? (
        <>
          <Heading level={1}>{t('proposals.title')}</Heading>
          <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />
        </>
      ) : (
        <ProposalView proposal={proposal.data} />
      )}
    </>
  );
}

function ProposalView({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const format = useFormat();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const accept = useAcceptProposal(proposal.id);
  const problem = useProblem(accept.error);
  const [confirming, setConfirming] = useState(false);
  const accepted = proposal.status === 'accepted';
  const worse = proposal.greedyWorseBy;
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1} id="proposal-heading">
          {t('proposals.title')}
        </Heading>
        <span id="proposal-status" className="utrecht-status-badge eh-status">
          {t(accepted ? 'proposals.status.accepted' : 'proposals.status.proposed')}
        </span>
      </div>
      {created && !accepted ? (
        <Alert type="ok" role="status" id="proposal-created">
          <p className="utrecht-paragraph">{t('proposals.created')}</p>
        </Alert>
      ) : null}
      {accepted ? (
        <Alert type="ok" role="status" id="proposal-accepted">
          <p className="utrecht-paragraph">{t('proposals.accepted', { count: proposal.offerIds.length })}</p>
          <p className="utrecht-paragraph">
            <AppLink id="proposal-offers-link" to={OFFERS_PATH}>
              {t('proposals.toOffers')}
            </AppLink>
          </p>
        </Alert>
      ) : null}

      <section className="eh-section" aria-labelledby="proposal-summary-heading" id="proposal-summary">
        <Heading level={2} id="proposal-summary-heading">
          {t('proposals.summary')}
        </Heading>
        <DataList
          items={[
            { key: 'asOf', label: t('proposals.asOf'), value: format.date(proposal.asOf) },
            { key: 'units', label: t('proposals.units'), value: proposal.units },
            { key: 'candidates', label: t('proposals.candidates'), value: proposal.candidates },
            { key: 'pairs', label: t('proposals.eligiblePairs'), value: proposal.eligiblePairs },
            { key: 'optimal', label: t('proposals.optimal'), value: t('proposals.totals', { filled: proposal.optimal.filled, units: proposal.units, score: proposal.optimal.totalScore }) },
            { key: 'greedy', label: t('proposals.greedy'), value: t('proposals.totals', { filled: proposal.greedy.filled, units: proposal.units, score: proposal.greedy.totalScore }) },
          ]}
        />
        <p id="proposal-greedy" className="utrecht-paragraph">
          <strong>
            {worse.filled === 0 && worse.totalScore === 0
              ? t('proposals.greedySame')
              : t('proposals.greedyWorse', { filled: worse.filled, score: worse.totalScore })}
          </strong>
        </p>
        <Paragraph>{t('proposals.greedyExplained')}</Paragraph>
      </section>

      {proposal.capacities.length > 0 ? (
        <section className="eh-section" aria-labelledby="proposal-capacities-heading">
          <Heading level={2} id="proposal-capacities-heading">
            {t('proposals.capacities')}
          </Heading>
          <Table caption={t('proposals.capacities')} hideCaption id="proposal-capacities-table">
            <THead>
              <Tr>
                <Th>{t('proposals.provider')}</Th>
                <Th numeric>{t('proposals.places')}</Th>
                <Th numeric>{t('proposals.used')}</Th>
                <Th numeric>{t('proposals.usedByGreedy')}</Th>
              </Tr>
            </THead>
            <TBody>
              {proposal.capacities.map((c) => (
                <Tr key={c.providerId}>
                  <Th scope="row">{c.provider}</Th>
                  <Td numeric>{c.places}</Td>
                  <Td numeric>{c.used}</Td>
                  <Td numeric>{c.usedByGreedy}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      ) : null}

      <section className="eh-section" aria-labelledby="proposal-pairs-heading">
        <Heading level={2} id="proposal-pairs-heading">
          {t('proposals.pairs')}
        </Heading>
        {proposal.pairs.length === 0 ? (
          <Empty>{t('proposals.noPairs')}</Empty>
        ) : (
          <Table caption={t('proposals.pairs')} hideCaption id="proposal-pairs-table">
            <THead>
              <Tr>
                <Th>{t('proposals.unit')}</Th>
                <Th>{t('proposals.candidate')}</Th>
                <Th>{t('proposals.scoreParts')}</Th>
                <Th numeric>{t('proposals.total')}</Th>
                <Th>{t('proposals.greedyChoice')}</Th>
                <Th numeric>{t('proposals.difference')}</Th>
              </Tr>
            </THead>
            <TBody>
              {proposal.pairs.map((p) => (
                <tr key={p.unit.id} className="utrecht-table__row" data-unit={p.unit.label} data-code={p.participant.code}>
                  <Th scope="row">{p.unit.label}</Th>
                  <Td>
                    <span className="eh-code">{p.participant.code}</span>
                    {p.participant.provider ? <span className="eh-muted"> — {p.participant.provider.name}</span> : null}
                  </Td>
                  <Td>
                    <ScoreParts score={p.score} />
                  </Td>
                  <Td numeric>{p.score.total}</Td>
                  <Td>
                    {p.greedy.participant
                      ? t('proposals.greedyPick', { code: p.greedy.participant.code, score: p.greedy.score ?? 0 })
                      : t('proposals.greedyNone')}
                  </Td>
                  <Td numeric>{p.differenceFromGreedy > 0 ? `+${p.differenceFromGreedy}` : p.differenceFromGreedy}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <section className="eh-section" aria-labelledby="proposal-unfilled-heading">
        <Heading level={2} id="proposal-unfilled-heading">
          {t('proposals.unfilled')}
        </Heading>
        {proposal.unfilled.length === 0 ? (
          <Empty>{t('proposals.noUnfilled')}</Empty>
        ) : (
          <Table caption={t('proposals.unfilled')} hideCaption id="proposal-unfilled-table">
            <THead>
              <Tr>
                <Th>{t('proposals.unit')}</Th>
                <Th>{t('proposals.why')}</Th>
              </Tr>
            </THead>
            <TBody>
              {proposal.unfilled.map((u) => (
                <Tr key={u.unit.id}>
                  <Th scope="row">{u.unit.label}</Th>
                  <Td>
                    {u.eligibleCandidates === 0
                      ? t('proposals.whyNoCandidates')
                      : t('proposals.whyTaken', { count: u.eligibleCandidates })}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      {!accepted ? (
        <section className="eh-section" aria-labelledby="proposal-accept-heading">
          <Heading level={2} id="proposal-accept-heading">
            {t('proposals.acceptHeading')}
          </Heading>
          <Paragraph>{t('proposals.acceptIntro')}</Paragraph>
          <ProblemAlert problem={confirming ? null : problem} />
          <ButtonGroup>
            <Button id="proposal-accept" appearance="primary" disabled={proposal.pairs.length === 0} onClick={() => setConfirming(true)}>
              {t('proposals.accept')}
            </Button>
            <ButtonLink to={NEW_PROPOSAL_PATH}>{t('proposals.again')}</ButtonLink>
          </ButtonGroup>
          <ConfirmDialog
            id="proposal-accept-dialog"
            open={confirming}
            title={t('proposals.acceptConfirmTitle')}
            confirmLabel={t('proposals.accept')}
            cancelLabel={t('common.cancel')}
            busy={accept.isPending}
            footer={<ProblemAlert problem={problem} />}
            onConfirm={() => accept.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            onCancel={() => setConfirming(false)}
          >
            <p className="utrecht-paragraph">{t('proposals.acceptConfirmText', { count: proposal.pairs.length })}</p>
          </ConfirmDialog>
        </section>
      ) : null}
    </>
  );
}
