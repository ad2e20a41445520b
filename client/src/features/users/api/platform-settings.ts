import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlatformSettings } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys, platformKeys } from '../../../lib/query-keys';

export const getPlatformSettings = (): Promise<PlatformSettings> => apiRequest<PlatformSettings>('/platform/settings');
export const updatePlatformSettings = (settings: PlatformSettings): Promise<PlatformSettings> =>
  apiRequest<PlatformSettings>('/platform/settings', { method: 'PUT', body: settings });

export const usePlatformSettings = () => useQuery({ queryKey: platformKeys.settings, queryFn: getPlatformSettings });

export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlatformSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(platformKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: accountKeys.me });
    },
  });
}
