import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { fetchMe, SignedInUserContext } from '../lib/auth';
import { accountKeys } from '../lib/query-keys';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

/**
 * Stands in for the session gate above a screen rendered alone: the signed-in account is the one the
 * test put in the cache (setMe). Never fetched, so tests that set no account see no extra request.
 */
function SignedInAsCached({ children }: { children: ReactNode }) {
  const { data } = useQuery({ queryKey: accountKeys.me, queryFn: fetchMe, enabled: false });
  return <SignedInUserContext.Provider value={data ?? null}>{children}</SignedInUserContext.Provider>;
}

/** Renders with the same providers as the app, in English unless told otherwise. */
export async function renderWithProviders(ui: ReactElement, language = 'en', queryClient: QueryClient = createQueryClient()): Promise<RenderResult> {
  await i18n.changeLanguage(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider>
          <SignedInAsCached>{ui}</SignedInAsCached>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
