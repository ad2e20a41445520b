import { hashKey, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me, SecondFactorRequest } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { forgetEnrolmentRequestDismissal, setMe } from '../../../lib/auth';
import { accountKeys, setupKeys } from '../../../lib/query-keys';

export const login = (request: LoginRequest): Promise<Me> => apiRequest<Me>('/auth/login', { method: 'POST', body: request });
export const logout = (): Promise<void> => apiRequest<void>('/auth/logout', { method: 'POST' });
export const completeSignIn = (request: SecondFactorRequest): Promise<Me> => apiRequest<Me>('/auth/second-factor', { method: 'POST', body: request });
export const changePassword = (request: ChangePasswordRequest): Promise<Me> => apiRequest<Me>('/auth/password', { method: 'POST', body: request });

/** What the session gate watches, and so survives a change of account; everything else is the old account's. */
const KEPT_ACROSS_ACCOUNTS = new Set([hashKey(accountKeys.me), hashKey(setupKeys.status)]);

const forgetAccountData = (queryClient: QueryClient) => queryClient.removeQueries({ predicate: (query) => !KEPT_ACROSS_ACCOUNTS.has(query.queryHash) });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Data cached for a previous account must not leak into this session; the session and setup
      // queries stay, because the session gate watches them and must see the new account.
      forgetAccountData(queryClient);
      forgetEnrolmentRequestDismissal();
      setMe(queryClient, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      forgetAccountData(queryClient);
      setMe(queryClient, null);
    },
  });
}

/** The code step: the answer is the same account, now signed in; nothing cached before it belongs to anyone else. */
export function useCompleteSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeSignIn, onSuccess: (me) => setMe(queryClient, me) });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changePassword, onSuccess: (me) => setMe(queryClient, me) });
}
