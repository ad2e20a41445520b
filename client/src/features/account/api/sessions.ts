import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActiveSession } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from '../../../lib/query-keys';

export const listSessions = (): Promise<ActiveSession[]> => apiRequest<ActiveSession[]>('/auth/sessions');
export const endSession = (sessionId: string): Promise<void> => apiRequest<void>(`/auth/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });

export const useSessions = () => useQuery({ queryKey: accountKeys.sessions, queryFn: listSessions });

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endSession, onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }) });
}
