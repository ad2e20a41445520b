import { languageDirection } from '@jit/shared';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { onSessionProblem } from '../lib/api-client';
import { setMe } from '../lib/auth';
import { accountKeys } from '../lib/query-keys';
import { i18n } from '../lib/i18n';
import { queryClient as defaultQueryClient } from '../lib/query-client';
import { RealtimeProvider, type SocketFactory } from '../lib/realtime';
import { cssVariablesResolver, themeFor } from './theme';

/** Keeps the cached session in step with what the server says about it on any request. */
function SessionSync({ queryClient }: { queryClient: QueryClient }) {
  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code === 'unauthenticated') setMe(queryClient, null);
        // The gate routes to the change-password screen once the refreshed Me says so.
        else void queryClient.invalidateQueries({ queryKey: accountKeys.me });
      }),
    [queryClient],
  );
  return null;
}

/** The library's provider with our theme, in the language of the moment and its direction (Arabic lays out right to left). */
function Themed({ children }: { children: ReactNode }) {
  const { t, i18n: current } = useTranslation();
  const { setDirection } = useDirection();
  const direction = languageDirection(current.language);
  useEffect(() => setDirection(direction), [direction, setDirection]);
  const closeLabel = t('common.close');
  const theme = useMemo(() => themeFor(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

interface AppProviderProps {
  children: ReactNode;
  queryClient?: QueryClient;
  /** The live connection; tests pass a fake socket. */
  createSocket?: SocketFactory;
}

export function AppProvider({ children, queryClient = defaultQueryClient, createSocket }: AppProviderProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={languageDirection(i18n.language)} detectDirection={false}>
          <Themed>
            <Notifications />
            <SessionSync queryClient={queryClient} />
            <RealtimeProvider createSocket={createSocket}>{children}</RealtimeProvider>
          </Themed>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
