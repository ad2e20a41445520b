import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEvent,
  CreateEvidenceRequest,
  CreateFolderRequest,
  CreateVersionRequest,
  EvidenceItem,
  EvidenceListPage,
  EvidenceListQuery,
  FixityResult,
  Folder,
  UpdateEvidenceRequest,
  UploadStatusView,
} from '@jit/shared';
import { API_BASE, apiRequest } from '../../../lib/api-client';
import { type EvidenceFilters, evidenceKeys, recordKeys } from '../../../lib/query-keys';
import { buildEvidenceListQuery } from '../utils/format';

export const EVIDENCE_PAGE_SIZE = 50;

const jitPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}`;
const itemPath = (jitId: string, itemId: string) => `${jitPath(jitId)}/evidence/${encodeURIComponent(itemId)}`;

/** The tus endpoint (absolute path, same origin). */
export const uploadsEndpoint = (jitId: string): string => `${API_BASE}${jitPath(jitId)}/uploads`;

/** The bytes of a version: `inline` is a viewing, `attachment` a download; both are custody events. */
export const contentUrl = (jitId: string, itemId: string, versionId: string, disposition: 'inline' | 'attachment'): string =>
  `${API_BASE}${itemPath(jitId, itemId)}/versions/${encodeURIComponent(versionId)}/content?disposition=${disposition}`;

export function listEvidence(jitId: string, query: EvidenceListQuery): Promise<EvidenceListPage> {
  const search = buildEvidenceListQuery(query);
  return apiRequest<EvidenceListPage>(`${jitPath(jitId)}/evidence${search ? `?${search}` : ''}`);
}
/** The items whose stored bytes failed their fixity check (first page: the alert lists them). */
export const listIntegrityFailures = (jitId: string): Promise<EvidenceListPage> => listEvidence(jitId, { status: 'integrity_failed', limit: EVIDENCE_PAGE_SIZE });
export const getEvidence = (jitId: string, itemId: string): Promise<EvidenceItem> => apiRequest<EvidenceItem>(itemPath(jitId, itemId));
export const createEvidence = (jitId: string, request: CreateEvidenceRequest): Promise<EvidenceItem> =>
  apiRequest<EvidenceItem>(`${jitPath(jitId)}/evidence`, { method: 'POST', body: request });
export const updateEvidence = (jitId: string, itemId: string, request: UpdateEvidenceRequest): Promise<EvidenceItem> =>
  apiRequest<EvidenceItem>(itemPath(jitId, itemId), { method: 'PATCH', body: request });
export const addVersion = (jitId: string, itemId: string, request: CreateVersionRequest): Promise<EvidenceItem> =>
  apiRequest<EvidenceItem>(`${itemPath(jitId, itemId)}/versions`, { method: 'POST', body: request });
export const getCustody = (jitId: string, itemId: string): Promise<AuditEvent[]> => apiRequest<AuditEvent[]>(`${itemPath(jitId, itemId)}/custody`);
export const verifyEvidence = (jitId: string, itemId: string): Promise<FixityResult[]> => apiRequest<FixityResult[]>(`${itemPath(jitId, itemId)}/verify`, { method: 'POST' });
export const getUploadStatus = (jitId: string, uploadId: string): Promise<UploadStatusView> =>
  apiRequest<UploadStatusView>(`${jitPath(jitId)}/uploads/${encodeURIComponent(uploadId)}/status`);
export const listFolders = (jitId: string): Promise<Folder[]> => apiRequest<Folder[]>(`${jitPath(jitId)}/folders`);
export const createFolder = (jitId: string, request: CreateFolderRequest): Promise<Folder> => apiRequest<Folder>(`${jitPath(jitId)}/folders`, { method: 'POST', body: request });

export function useEvidenceList(jitId: string, filters: EvidenceFilters) {
  return useInfiniteQuery({
    queryKey: evidenceKeys.list(jitId, filters),
    queryFn: ({ pageParam }) => listEvidence(jitId, { ...filters, limit: EVIDENCE_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export const useEvidenceItem = (jitId: string, itemId: string) => useQuery({ queryKey: evidenceKeys.item(jitId, itemId), queryFn: () => getEvidence(jitId, itemId) });

export const useCustody = (jitId: string, itemId: string) => useQuery({ queryKey: evidenceKeys.custody(jitId, itemId), queryFn: () => getCustody(jitId, itemId) });

export const useFolders = (jitId: string) => useQuery({ queryKey: evidenceKeys.folders(jitId), queryFn: () => listFolders(jitId) });

/** Only for those who may see the whole record (`record.read_all`): pass `enabled` false for the others. */
export const useIntegrityFailures = (jitId: string, enabled: boolean) =>
  useQuery({ queryKey: evidenceKeys.integrityFailures(jitId), queryFn: () => listIntegrityFailures(jitId), enabled });

/**
 * The status of an upload while its bytes travel; polls every `intervalMs` until the server has
 * finished with it (complete with hash and type, or refused).
 */
export function useUploadStatus(jitId: string, uploadId: string | null, enabled: boolean, intervalMs = 1500) {
  return useQuery({
    queryKey: evidenceKeys.upload(jitId, uploadId ?? ''),
    queryFn: () => getUploadStatus(jitId, uploadId ?? ''),
    enabled: enabled && uploadId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'receiving' ? false : intervalMs),
  });
}

/** An item as the item routes answer it (a verification answers fixity results instead). */
const isEvidenceItem = (value: unknown): value is EvidenceItem => typeof value === 'object' && value !== null && 'versions' in value && 'status' in value;

/** Every change to an item refreshes the lists, the item and its custody log. */
function useEvidenceMutation<TVariables, TResult>(jitId: string, mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      // A pending item cannot be read back yet: only an item that is evidence goes into the cache.
      if (isEvidenceItem(result) && result.status !== 'pending') queryClient.setQueryData(evidenceKeys.item(jitId, result.id), result);
      void queryClient.invalidateQueries({ queryKey: evidenceKeys.all(jitId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
    },
  });
}

export const useCreateEvidence = (jitId: string) => useEvidenceMutation(jitId, (request: CreateEvidenceRequest) => createEvidence(jitId, request));
export const useUpdateEvidence = (jitId: string, itemId: string) => useEvidenceMutation(jitId, (request: UpdateEvidenceRequest) => updateEvidence(jitId, itemId, request));
export const useAddVersion = (jitId: string, itemId: string) => useEvidenceMutation(jitId, (request: CreateVersionRequest) => addVersion(jitId, itemId, request));
export const useVerifyEvidence = (jitId: string, itemId: string) => useEvidenceMutation(jitId, () => verifyEvidence(jitId, itemId));
export const useCreateFolder = (jitId: string) => useEvidenceMutation(jitId, (request: CreateFolderRequest) => createFolder(jitId, request));
