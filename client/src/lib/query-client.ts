import { QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from './api-client';

// Retrying a 4xx only repeats a refusal; retry once for network or server trouble.
const shouldRetry = (failureCount: number, error: unknown): boolean => {
  if (isApiRequestError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
  return failureCount < 1;
};

export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });

export const queryClient = createQueryClient();
