import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenRequest, CreatedApiToken } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from '../../../lib/query-keys';

export const listApiTokens = (): Promise<ApiToken[]> => apiRequest<ApiToken[]>('/auth/tokens');
export const createApiToken = (request: CreateApiTokenRequest): Promise<CreatedApiToken> => apiRequest<CreatedApiToken>('/auth/tokens', { method: 'POST', body: request });
export const revokeApiToken = (tokenId: string): Promise<ApiToken> => apiRequest<ApiToken>(`/auth/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });

export const useApiTokens = () => useQuery({ queryKey: accountKeys.apiTokens, queryFn: listApiTokens });

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  // The answer carries the secret: it goes to the caller only, never into the query cache.
  return useMutation({ mutationFn: createApiToken, onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }) });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiToken, onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }) });
}

export type ApiTokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiTokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}
