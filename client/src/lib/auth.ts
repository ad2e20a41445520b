import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@jit/shared';
import { createContext, useContext } from 'react';
import { apiRequest, isApiRequestError } from './api-client';
import { accountKeys } from './query-keys';

/** The signed-in account, or null when nobody is signed in (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/auth/me');
  } catch (error) {
    if (isApiRequestError(error) && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export const useMe = () => useQuery({ queryKey: accountKeys.me, queryFn: fetchMe, staleTime: 60_000 });

/**
 * The account the session gate let through, provided by the gate to the screens below it; null on the
 * screens it shows to anyone (setup, login).
 */
export const SignedInUserContext = createContext<Me | null>(null);

/**
 * The signed-in account for screens that only render once the session gate has let them through.
 * Read from the gate, not from the query: at logout the cache turns null before the gate re-renders,
 * and a screen rendering in between (on a live update, say) would otherwise see nobody. A screen sees
 * the gate's decision of its own render pass, so it is never mounted under a gate that saw nobody.
 */
export function useCurrentUser(): Me {
  const me = useContext(SignedInUserContext);
  if (!me) throw new Error('useCurrentUser used outside the signed-in layout');
  return me;
}

export const setMe = (queryClient: QueryClient, me: Me | null): void => {
  queryClient.setQueryData(accountKeys.me, me);
};
