import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, UpdateProfileRequest } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { setMe } from '../../../lib/auth';

export const updateProfile = (request: UpdateProfileRequest): Promise<Me> => apiRequest<Me>('/auth/me', { method: 'PATCH', body: request });

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProfile, onSuccess: (me) => setMe(queryClient, me) });
}
