import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmedFactor, ConfirmTotpRequest, RecoveryCodes, SecondFactorOverview, TotpEnrolment } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from '../../../lib/query-keys';

export const getSecondFactors = (): Promise<SecondFactorOverview> => apiRequest<SecondFactorOverview>('/auth/factors');
export const beginTotp = (): Promise<TotpEnrolment> => apiRequest<TotpEnrolment>('/auth/factors/totp', { method: 'POST' });
export const confirmTotp = ({ factorId, ...request }: ConfirmTotpRequest & { factorId: string }): Promise<ConfirmedFactor> =>
  apiRequest<ConfirmedFactor>(`/auth/factors/totp/${encodeURIComponent(factorId)}/confirm`, { method: 'POST', body: request });
export const removeSecondFactor = (factorId: string): Promise<void> => apiRequest<void>(`/auth/factors/${encodeURIComponent(factorId)}`, { method: 'DELETE' });
export const issueRecoveryCodes = (): Promise<RecoveryCodes> => apiRequest<RecoveryCodes>('/auth/recovery-codes', { method: 'POST' });

export const useSecondFactors = () => useQuery({ queryKey: accountKeys.secondFactors, queryFn: getSecondFactors });

/** The secret of an enrolment goes to the caller only, never into the query cache. */
export const useBeginTotp = () => useMutation({ mutationFn: beginTotp });

/**
 * Confirming rotates the session and may be the first factor, which changes where the sign-in
 * stands; the account is read again only when the caller says so (`refreshAccount`), after the
 * recovery codes were seen: the session gate would otherwise leave the enrolment screen at once.
 */
export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmTotp, onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactors }) });
}

export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.me });
}

export function useRemoveSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSecondFactor,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactors });
      void queryClient.invalidateQueries({ queryKey: accountKeys.me });
    },
  });
}

export function useIssueRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: issueRecoveryCodes, onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactors }) });
}
