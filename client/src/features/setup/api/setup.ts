import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SetupRequest, SetupStatus } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const SETUP_QUERY_KEY = ['setup'] as const;

export const getSetupStatus = (): Promise<SetupStatus> => apiRequest<SetupStatus>('/setup');
export const completeSetup = (request: SetupRequest): Promise<Me> =>
  apiRequest<Me>('/setup', { method: 'POST', body: request });

export const useSetupStatus = () => useQuery({ queryKey: SETUP_QUERY_KEY, queryFn: getSetupStatus, staleTime: Infinity });

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: (me) => {
      queryClient.setQueryData<SetupStatus>(SETUP_QUERY_KEY, { needsSetup: false });
      setMe(queryClient, me);
    },
  });
}
