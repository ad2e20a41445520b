import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddMemberRequest, Member, UpdateMemberRequest, UserLookupResult } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { memberKeys, recordKeys } from '../../../lib/query-keys';

const membersPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/members`;

export const listMembers = (jitId: string): Promise<Member[]> => apiRequest<Member[]>(membersPath(jitId));
export const addMember = (jitId: string, request: AddMemberRequest): Promise<Member> => apiRequest<Member>(membersPath(jitId), { method: 'POST', body: request });
export const updateMember = (jitId: string, memberId: string, request: UpdateMemberRequest): Promise<Member> =>
  apiRequest<Member>(`${membersPath(jitId)}/${encodeURIComponent(memberId)}`, { method: 'PATCH', body: request });
export const revokeMember = (jitId: string, memberId: string): Promise<Member> => apiRequest<Member>(`${membersPath(jitId)}/${encodeURIComponent(memberId)}`, { method: 'DELETE' });
export const lookupUser = (jitId: string, email: string): Promise<UserLookupResult> =>
  apiRequest<UserLookupResult>(`/jits/${encodeURIComponent(jitId)}/user-lookup`, { query: { email } });

export const useMembers = (jitId: string) => useQuery({ queryKey: memberKeys.list(jitId), queryFn: () => listMembers(jitId) });

function useMemberMutation<TVariables>(jitId: string, mutationFn: (variables: TVariables) => Promise<Member>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.list(jitId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
    },
  });
}

export const useAddMember = (jitId: string) => useMemberMutation(jitId, (request: AddMemberRequest) => addMember(jitId, request));
export const useUpdateMember = (jitId: string) =>
  useMemberMutation(jitId, ({ memberId, request }: { memberId: string; request: UpdateMemberRequest }) => updateMember(jitId, memberId, request));
export const useRevokeMember = (jitId: string) => useMemberMutation(jitId, (memberId: string) => revokeMember(jitId, memberId));
export const useLookupUser = (jitId: string) => useMutation({ mutationFn: (email: string) => lookupUser(jitId, email) });
