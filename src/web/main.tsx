import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/app.css';
import { isApiError } from './api/client';
import { keys } from './api/hooks';
import { I18nProvider } from './i18n';
import { App } from './App';

const CODE_REFUSALS = ['invalid_credentials', 'totp_required', 'invalid_totp'];

/**
 * A 401 on any request means the session ended: forget the user, the router then shows /login.
 * A 403 `mfa_required` means this session must first set up its second factor: refetch the user,
 * whose `mfa.pending` makes the router show the enrolment page.
 */
function onUnauthorised(error: unknown, queryKey?: readonly unknown[]) {
  if (!isApiError(error) || queryKey?.[0] === keys.me[0]) return;
  // 401s that judge a typed password or code (login, second-factor confirmation) are no ended session
  if (error.status === 401 && !CODE_REFUSALS.includes(error.code ?? '')) {
    queryClient.setQueryData(keys.me, null);
  } else if (error.status === 403 && error.code === 'mfa_required') {
    void queryClient.invalidateQueries({ queryKey: keys.me });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthorised(error, query.queryKey) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // a failed login or a wrong second-factor code is not an ended session
      const key = mutation.options.mutationKey?.[0];
      if (key !== 'login' && key !== 'totp-confirmation') onUnauthorised(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
