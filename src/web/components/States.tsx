import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import { localizeProblem, useI18n, type LocalizedProblem } from '../i18n';
import { Alert } from './Alert';
import { Button } from './Button';

/** Loading state: a small spinner and "Laden…", announced politely. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="utrecht-paragraph eh-loading" role="status">
      <span className="eh-spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** Empty state of a list or table. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="utrecht-paragraph eh-empty">{children}</p>;
}

/** The problem+json of an error in the chosen language (null when there is no error). */
export function useProblem(error: unknown): LocalizedProblem | null {
  const { lang, t } = useI18n();
  if (!error) return null;
  if (isApiError(error)) return localizeProblem(error.problem, error.status, lang, t);
  return { title: t('error.unknown'), detail: null, fields: {} };
}

/** Error box for a failed query, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const problem = useProblem(error);
  if (!problem) return null;
  // retrying cannot help when the record is not there or not ours
  const retryable = !(isApiError(error) && (error.status === 403 || error.status === 404));
  return (
    <Alert type="error" role="alert" title={t('error.title')}>
      <p className="utrecht-paragraph">{problem.title}</p>
      {problem.detail ? <p className="utrecht-paragraph">{problem.detail}</p> : null}
      {onRetry && retryable ? (
        <Button appearance="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/**
 * Error summary of a failed write: title and detail from the problem, plus a hint when
 * field errors are shown beside the fields.
 */
export function ProblemAlert({ problem, id }: { problem: LocalizedProblem | null; id?: string }) {
  const { t } = useI18n();
  if (!problem) return null;
  const hasFields = Object.keys(problem.fields).length > 0;
  return (
    <Alert type="error" role="alert" title={problem.title} id={id}>
      {problem.detail ? <p className="utrecht-paragraph">{problem.detail}</p> : null}
      {hasFields ? <p className="utrecht-paragraph">{t('error.fieldsSummary')}</p> : null}
    </Alert>
  );
}

/** What LoadMore needs of a TanStack infinite query. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Meer laden" under a paged list (`nextCursor`); nothing when the last page is in. */
export function LoadMore({ query, id }: { query: PagedQuery; id?: string }) {
  const { t } = useI18n();
  if (!query.hasNextPage) return null;
  return (
    <div className="eh-more">
      <Button
        id={id}
        appearance="secondary"
        busy={query.isFetchingNextPage}
        disabled={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
      </Button>
    </div>
  );
}
