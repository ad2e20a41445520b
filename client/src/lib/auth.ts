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
 * Whether the sign-in is done: no initial password to change, no code owed, no second factor the
 * platform still waits for. Until then the shell offers no destination and opens no live socket.
 */
export const isSignedInFully = (me: Me | null | undefined): me is Me => Boolean(me && !me.mustChangePassword && !me.secondFactor.pending && !me.secondFactor.enrolmentRequired);

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

/**
 * A JIT's request to enrol a second factor is asked once per sign-in in this tab; the person may
 * answer "not now" (that JIT stays closed to them until they enrol).
 */
const ENROLMENT_REQUEST_DISMISSED = 'jit.enrolmentRequestDismissed';
export const enrolmentRequestDismissed = (): boolean => sessionStorage.getItem(ENROLMENT_REQUEST_DISMISSED) === '1';
export const dismissEnrolmentRequest = (): void => sessionStorage.setItem(ENROLMENT_REQUEST_DISMISSED, '1');
export const forgetEnrolmentRequestDismissal = (): void => sessionStorage.removeItem(ENROLMENT_REQUEST_DISMISSED);
