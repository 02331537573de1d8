import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { SCORE_PARTS } from '../../../shared/enums';
import { useCreateOffer, useRanking, type Ranking } from '../../api/matching';
import { Alert } from '../../components/Alert';
import { AppLink, Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { Empty, Loading, ProblemAlert, QueryError, useProblem } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { Table, TBody, Td, Th, THead, Tr } from '../../components/Table';
import { useBilingual, useFormat, useI18n, useT } from '../../i18n';
import { participantPath } from '../../paths';
import { useCurrentUser } from '../../session';
import { matchingAccess, offerPath } from './access';
import { ScoreParts } from './ScoreParts';
import './matching.css';

type Item = Ranking['items'][number];

/**
 * /woningen/:id/rangorde: the ranking of one home (GET /api/v1/units/{id}/ranking, the office):
 * eligible candidates by score with its parts, "why is someone not on the list?" with the rule
 * that excluded each person, an explanation for one person by code, and "Aanbieding doen" per
 * candidate (POST /api/v1/offers; the route follows the home's location).
 * Ids: `ranking-heading`, `ranking-table` (rows `data-code`), `offer-{code}`, `offer-dialog`,
 * `excluded`, `excluded-table`, `explain-form` / `explain-code` / `explanation`.
 */
export function RankingPage() {
  const t = useT();
  const me = useCurrentUser();
  const { id } = useParams();
  const allowed = matchingAccess.office(me);
  const ranking = useRanking(allowed ? id : undefined);
  usePageTitle(ranking.data ? t('ranking.title', { label: ranking.data.unit.label }) : t('ranking.titlePlain'));
  return (
    <>
      <p className="eh-back">
        <AppLink to={`/units/${encodeURIComponent(id ?? '')}`}>{t('ranking.backToUnit')}</AppLink>
      </p>
      {!allowed ? (
        <>
          <Heading level={1}>{t('ranking.titlePlain')}</Heading>
          <Alert type="info" id="ranking-office-only">
            <p className="utrecht-paragraph">{t('ranking.officeOnly')}</p>
          </Alert>
        </>
      ) : ranking.isPending ? (
        <Loading />
      ) : ranking.isError ? (
        <>
          <Heading level={1}>{t('ranking.titlePlain')}</Heading>
          <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
        </>
      ) : (
        <RankingView ranking={ranking.data} />
      )}
    </>
  );
}

function RankingView({ ranking }: { ranking: Ranking }) {
  const t = useT();
  const format = useFormat();
  const text = useBilingual();
  const { lang } = useI18n();
  const [chosen, setChosen] = useState<Item | null>(null);
  const create = useCreateOffer();
  const problem = useProblem(create.error);
  const navigate = useNavigate();
  const { unit } = ranking;
  return (
    <>
      <div className="eh-page-head">
        <Heading level={1} id="ranking-heading">
          {t('ranking.title', { label: unit.label })}
        </Heading>
        <StatusBadge status={unit.status} />
      </div>
      <Paragraph>
        {t('ranking.intro', {
          location: unit.location ?? unit.municipality,
          date: format.date(ranking.asOf),
          eligible: ranking.counts.eligible,
          excluded: ranking.counts.excluded,
        })}
      </Paragraph>
      {ranking.rules.length > 0 ? (
        <details className="eh-section">
          <summary>{t('ranking.rules', { count: ranking.rules.length })}</summary>
          <ul className="utrecht-unordered-list">
            {ranking.rules.map((r) => (
              <li key={r.id} className="utrecht-unordered-list__item">
                {lang === 'en' ? r.descriptionEn : r.description} <span className="eh-muted">({t(`ruleLevel.${r.level as 'programme'}`)})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <section className="eh-section" aria-labelledby="ranking-list-heading">
        <Heading level={2} id="ranking-list-heading">
          {t('ranking.candidates')}
        </Heading>
        {unit.status !== 'available' ? (
          <Alert type="warning" id="ranking-not-available">
            <p className="utrecht-paragraph">{t('ranking.notAvailable')}</p>
          </Alert>
        ) : null}
        {ranking.items.length === 0 ? (
          <Empty>{t('ranking.empty')}</Empty>
        ) : (
          <Table caption={t('ranking.caption', { label: unit.label })} hideCaption id="ranking-table">
            <THead>
              <Tr>
                <Th numeric>{t('ranking.rank')}</Th>
                <Th>{t('ranking.candidate')}</Th>
                <Th>{t('calls.field.provider')}</Th>
                <Th numeric>{t('offers.field.householdSize')}</Th>
                {SCORE_PARTS.map((code) => (
                  <Th key={code} numeric>
                    {t(`scorePart.${code}`)}
                  </Th>
                ))}
                <Th numeric>{t('ranking.total')}</Th>
                <Th>
                  <span className="eh-visually-hidden">{t('ranking.actions')}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {ranking.items.map((item) => (
                <tr key={item.participant.id} className="utrecht-table__row" data-code={item.participant.code}>
                  <Td numeric>{item.rank}</Td>
                  <Th scope="row">
                    <AppLink to={participantPath(item.participant.code)}>{item.participant.name}</AppLink>{' '}
                    <span className="eh-muted">{item.participant.code}</span>
                  </Th>
                  <Td>{item.participant.provider?.name ?? t('common.empty')}</Td>
                  <Td numeric>{item.participant.householdSize}</Td>
                  {SCORE_PARTS.map((code) => {
                    const part = item.score.parts.find((p) => p.code === code);
                    return (
                      <Td key={code} numeric title={part ? text(part) : undefined}>
                        {part ? part.points : 0}
                      </Td>
                    );
                  })}
                  <Td numeric>
                    <strong>{item.score.total}</strong>
                  </Td>
                  <Td>
                    <Button
                      id={`offer-${item.participant.code}`}
                      appearance="secondary"
                      disabled={unit.status !== 'available'}
                      onClick={() => {
                        create.reset();
                        setChosen(item);
                      }}
                    >
                      {t('ranking.makeOffer')}
                      <span className="eh-visually-hidden"> {t('ranking.makeOfferTo', { code: item.participant.code })}</span>
                    </Button>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <Explain unitId={unit.id} />

      <section className="eh-section" aria-labelledby="excluded-heading" id="excluded">
        <Heading level={2} id="excluded-heading">
          {t('ranking.whyNot')}
        </Heading>
        <Paragraph>{t('ranking.whyNotIntro')}</Paragraph>
        {ranking.excluded.length === 0 ? (
          <Empty>{t('ranking.noneExcluded')}</Empty>
        ) : (
          <Table caption={t('ranking.whyNot')} hideCaption id="excluded-table">
            <THead>
              <Tr>
                <Th>{t('ranking.candidate')}</Th>
                <Th>{t('ranking.reasons')}</Th>
              </Tr>
            </THead>
            <TBody>
              {ranking.excluded.map((e) => (
                <tr key={e.participant.id} className="utrecht-table__row" data-code={e.participant.code}>
                  <Th scope="row">
                    <AppLink to={participantPath(e.participant.code)}>{e.participant.name}</AppLink>{' '}
                    <span className="eh-muted">{e.participant.code}</span>
                  </Th>
                  <Td>
                    <ul className="eh-reasons">
                      {e.reasons.map((r, i) => (
                        <li key={`${r.code}-${i}`}>
                          {text(r)}
                          {r.level ? <span className="eh-muted"> ({t(`ruleLevel.${r.level as 'programme'}`)})</span> : null}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <ConfirmDialog
        id="offer-dialog"
        open={chosen !== null}
        title={t('ranking.offerConfirmTitle')}
        confirmLabel={t('ranking.makeOffer')}
        cancelLabel={t('common.cancel')}
        busy={create.isPending}
        footer={<ProblemAlert problem={problem} />}
        onConfirm={() => {
          if (!chosen) return;
          create.mutate(
            { unitId: unit.id, participantId: chosen.participant.id },
            { onSuccess: (offer) => navigate(offerPath(offer.id), { state: { created: true } }) },
          );
        }}
        onCancel={() => setChosen(null)}
      >
        <p className="utrecht-paragraph">
          {chosen ? t('ranking.offerConfirmText', { name: chosen.participant.name, code: chosen.participant.code, label: unit.label }) : null}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** "Why does this person stand where they stand, or why are they not on the list?" for one code. */
function Explain({ unitId }: { unitId: string }) {
  const t = useT();
  const text = useBilingual();
  const [input, setInput] = useState('');
  const [code, setCode] = useState<string | undefined>(undefined);
  const result = useRanking(code ? unitId : undefined, code);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCode(input.trim() || undefined);
  };
  const explanation = result.data?.explanation ?? null;
  return (
    <section className="eh-section" aria-labelledby="explain-heading">
      <Heading level={2} id="explain-heading">
        {t('ranking.explain')}
      </Heading>
      <form id="explain-form" className="eh-form" onSubmit={submit}>
        <TextField id="explain-code" label={t('ranking.explainCode')} value={input} onChange={setInput} />
        <Button id="explain-submit" type="submit">
          {t('ranking.explainSubmit')}
        </Button>
      </form>
      {code ? (
        result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <QueryError error={result.error} />
        ) : explanation ? (
          <div id="explanation" className="eh-card" role="status">
            <p className="utrecht-paragraph">
              <strong>
                {explanation.participant.name} ({explanation.participant.code})
              </strong>
              {': '}
              {explanation.eligible ? t('ranking.explainRank', { rank: explanation.rank ?? '—' }) : t('ranking.explainExcluded')}
            </p>
            {explanation.reasons.length > 0 ? (
              <ul className="eh-reasons">
                {explanation.reasons.map((r, i) => (
                  <li key={`${r.code}-${i}`}>{text(r)}</li>
                ))}
              </ul>
            ) : null}
            {explanation.score ? <ScoreParts score={explanation.score} /> : null}
          </div>
        ) : (
          <Empty>{t('ranking.explainNone')}</Empty>
        )
      ) : null}
    </section>
  );
}
