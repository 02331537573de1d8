// The logged-in user and the selected programme, shared by every page behind the login.

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Me, Programme } from './api/types';
import { useProgrammes } from './api/hooks';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The logged-in user; only inside the protected part of the app. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser must be used inside <MeProvider>');
  return me;
}

// ---------------------------------------------------------------- programme selection

const PROGRAMME_KEY = 'eerstethuis.programme';

interface ProgrammeValue {
  programmes: Programme[];
  /** The selected programme (first one by default); undefined while loading or when there is none. */
  programme: Programme | undefined;
  setProgrammeId: (id: string) => void;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

const ProgrammeContext = createContext<ProgrammeValue | null>(null);

function readStoredProgramme(): string | null {
  try {
    return window.localStorage.getItem(PROGRAMME_KEY);
  } catch {
    return null;
  }
}

export function ProgrammeProvider({ children }: { children: ReactNode }) {
  // A session that must first set up its second factor may not read programmes (403 mfa_required).
  const me = useContext(MeContext);
  const query = useProgrammes(!me?.mfa.pending);
  const [selectedId, setSelectedId] = useState<string | null>(readStoredProgramme);
  const programmes = useMemo(() => query.data ?? [], [query.data]);
  const programme = programmes.find((p) => p.id === selectedId) ?? programmes[0];

  const setProgrammeId = useCallback((id: string) => {
    setSelectedId(id);
    try {
      window.localStorage.setItem(PROGRAMME_KEY, id);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }, []);

  const { refetch } = query;
  const value = useMemo<ProgrammeValue>(
    () => ({
      programmes,
      programme,
      setProgrammeId,
      isPending: query.isPending,
      error: query.error,
      refetch: () => void refetch(),
    }),
    [programmes, programme, setProgrammeId, query.isPending, query.error, refetch],
  );
  return <ProgrammeContext.Provider value={value}>{children}</ProgrammeContext.Provider>;
}

export function useProgrammeSelection(): ProgrammeValue {
  const value = useContext(ProgrammeContext);
  if (!value) throw new Error('useProgrammeSelection must be used inside <ProgrammeProvider>');
  return value;
}
