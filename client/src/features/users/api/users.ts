import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, UserAccount } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from '../../../lib/query-keys';

export const listUsers = (): Promise<UserAccount[]> => apiRequest<UserAccount[]>('/users');
export const createUser = (request: CreateUserRequest): Promise<UserAccount> => apiRequest<UserAccount>('/users', { method: 'POST', body: request });
export const updateUser = (userId: string, request: UpdateUserRequest): Promise<UserAccount> =>
  apiRequest<UserAccount>(`/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: request });

export const useUsers = () => useQuery({ queryKey: userKeys.all, queryFn: listUsers });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, request }: { userId: string; request: UpdateUserRequest }) => updateUser(userId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
