import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment, CommentSubjectType, CreateCommentRequest } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { commentKeys, recordKeys } from '../../../lib/query-keys';

/** Every key starts with ['comments', jitId]: the live layer (lib/realtime-events.ts) invalidates by these prefixes. */
const commentsPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/comments`;

export const listComments = (jitId: string, subjectType: CommentSubjectType, subjectId: string): Promise<Comment[]> =>
  apiRequest<Comment[]>(commentsPath(jitId), { query: { subjectType, subjectId } });
export const createComment = (jitId: string, request: CreateCommentRequest): Promise<Comment> => apiRequest<Comment>(commentsPath(jitId), { method: 'POST', body: request });

export const useComments = (jitId: string, subjectType: CommentSubjectType, subjectId: string) =>
  useQuery({ queryKey: commentKeys.subject(jitId, subjectType, subjectId), queryFn: () => listComments(jitId, subjectType, subjectId) });

export function useCreateComment(jitId: string, subjectType: CommentSubjectType, subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Omit<CreateCommentRequest, 'subjectType' | 'subjectId'>) => createComment(jitId, { ...request, subjectType, subjectId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.subject(jitId, subjectType, subjectId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
    },
  });
}
