import type { ReactNode } from 'react';
import type { Programme } from '../api/types';
import { useT } from '../i18n';
import { useProgrammeSelection } from '../session';
import { Empty, Loading, QueryError } from './States';

/** Renders its children with the selected programme, or the loading / error / empty state. */
export function ProgrammeGate({ children }: { children: (programme: Programme) => ReactNode }) {
  const t = useT();
  const { programme, isPending, error, refetch } = useProgrammeSelection();
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={refetch} />;
  if (!programme) return <Empty>{t('dashboard.noProgrammes')}</Empty>;
  return <>{children(programme)}</>;
}
