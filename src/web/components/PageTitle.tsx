import { useEffect } from 'react';
import { useT } from '../i18n';

/** Sets document.title to "<page> — Eerst een Thuis". */
export function usePageTitle(title: string | null | undefined): void {
  const t = useT();
  useEffect(() => {
    const suffix = t('app.titleSuffix');
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, t]);
}
