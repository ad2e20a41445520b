import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SetupRequest, SetupStatus } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { setupKeys } from '../../../lib/query-keys';
import { setMe } from '../../../lib/auth';

export const getSetupStatus = (): Promise<SetupStatus> => apiRequest<SetupStatus>('/setup');
export const completeSetup = (request: SetupRequest): Promise<Me> => apiRequest<Me>('/setup', { method: 'POST', body: request });

export const useSetupStatus = () => useQuery({ queryKey: setupKeys.status, queryFn: getSetupStatus, staleTime: Infinity });

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: (me) => {
      queryClient.setQueryData<SetupStatus>(setupKeys.status, { needsSetup: false });
      setMe(queryClient, me);
    },
  });
}
