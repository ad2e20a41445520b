import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateLinkRequest, Link, WorkSubjectType } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { linkKeys, recordKeys } from '../../../lib/query-keys';

/** Every key starts with ['links', jitId]: the live layer (lib/realtime-events.ts) invalidates by this prefix. */
const linksPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/links`;

export const listLinks = (jitId: string, subjectType: WorkSubjectType, subjectId: string): Promise<Link[]> =>
  apiRequest<Link[]>(linksPath(jitId), { query: { subjectType, subjectId } });
export const createLink = (jitId: string, request: CreateLinkRequest): Promise<Link> => apiRequest<Link>(linksPath(jitId), { method: 'POST', body: request });
export const removeLink = (jitId: string, linkId: string): Promise<void> => apiRequest<void>(`${linksPath(jitId)}/${encodeURIComponent(linkId)}`, { method: 'DELETE' });

export const useLinks = (jitId: string, subjectType: WorkSubjectType, subjectId: string) =>
  useQuery({ queryKey: linkKeys.subject(jitId, subjectType, subjectId), queryFn: () => listLinks(jitId, subjectType, subjectId) });

/** A link has two ends, and the other end's panel may be open too (the task dialog over the board): refresh every panel of the JIT. */
function afterChange(queryClient: QueryClient, jitId: string): void {
  void queryClient.invalidateQueries({ queryKey: linkKeys.all(jitId) });
  void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
}

/** Links the subject whose panel this is (the `from` end) to another record of the JIT. */
export function useCreateLink(jitId: string, fromType: WorkSubjectType, fromId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: { toType: WorkSubjectType; toId: string }) => createLink(jitId, { fromType, fromId, ...to }),
    onSuccess: () => afterChange(queryClient, jitId),
  });
}

export function useRemoveLink(jitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => removeLink(jitId, linkId),
    onSuccess: () => afterChange(queryClient, jitId),
  });
}
