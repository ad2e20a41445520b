import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { AuditPage, ChainVerification } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { recordKeys, type RecordFilters } from '../../../lib/query-keys';

export const AUDIT_PAGE_SIZE = 100;

export type AuditFilters = RecordFilters;

const auditPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/audit`;

export const getAuditPage = (jitId: string, filters: AuditFilters, afterSeq?: number): Promise<AuditPage> =>
  apiRequest<AuditPage>(auditPath(jitId), { query: { ...filters, afterSeq, limit: AUDIT_PAGE_SIZE } });
export const verifyChain = (jitId: string): Promise<ChainVerification> => apiRequest<ChainVerification>(`${auditPath(jitId)}/verify`);

export function useAuditEvents(jitId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(jitId, filters),
    queryFn: ({ pageParam }) => getAuditPage(jitId, filters, pageParam),
    initialPageParam: undefined as number | undefined,
    // A short page means the filtered chain is exhausted; a full one may have more up to headSeq.
    getNextPageParam: (lastPage) => {
      const last = lastPage.items.at(-1);
      if (!last || lastPage.items.length < AUDIT_PAGE_SIZE || last.seq >= lastPage.headSeq) return undefined;
      return last.seq;
    },
  });
}

export const useVerifyChain = (jitId: string) => useMutation({ mutationFn: () => verifyChain(jitId) });
