import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateExtensionRequest, CreateJitRequest, Jit, UpdateJitRequest, JitSecondFactorRequest } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { jitKeys, recordKeys } from '../../../lib/query-keys';

const jitPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}`;

export const listJits = (): Promise<Jit[]> => apiRequest<Jit[]>('/jits');
export const getJit = (jitId: string): Promise<Jit> => apiRequest<Jit>(jitPath(jitId));
export const createJit = (request: CreateJitRequest): Promise<Jit> => apiRequest<Jit>('/jits', { method: 'POST', body: request });
export const updateJit = (jitId: string, request: UpdateJitRequest): Promise<Jit> => apiRequest<Jit>(jitPath(jitId), { method: 'PATCH', body: request });
export const activateJit = (jitId: string): Promise<Jit> => apiRequest<Jit>(`${jitPath(jitId)}/activate`, { method: 'POST' });
export const closeJit = (jitId: string): Promise<Jit> => apiRequest<Jit>(`${jitPath(jitId)}/close`, { method: 'POST' });
export const requireSecondFactor = (jitId: string, required: boolean): Promise<Jit> =>
  apiRequest<Jit>(`${jitPath(jitId)}/second-factor`, { method: 'PUT', body: { required } satisfies JitSecondFactorRequest });
export const createExtension = (jitId: string, request: CreateExtensionRequest): Promise<Jit> => apiRequest<Jit>(`${jitPath(jitId)}/extensions`, { method: 'POST', body: request });

export const useJits = () => useQuery({ queryKey: jitKeys.all, queryFn: listJits });
export const useJit = (jitId: string) => useQuery({ queryKey: jitKeys.detail(jitId), queryFn: () => getJit(jitId) });

/** Every JIT mutation answers the new Jit: store it and let the list refetch. */
function useJitMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<Jit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (jit) => {
      queryClient.setQueryData(jitKeys.detail(jit.id), jit);
      void queryClient.invalidateQueries({ queryKey: jitKeys.all, exact: true });
      // The record of this JIT has a new event.
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(jit.id) });
    },
  });
}

export const useCreateJit = () => useJitMutation(createJit);
export const useUpdateJit = (jitId: string) => useJitMutation((request: UpdateJitRequest) => updateJit(jitId, request));
export const useActivateJit = (jitId: string) => useJitMutation(() => activateJit(jitId));
export const useCloseJit = (jitId: string) => useJitMutation(() => closeJit(jitId));
export const useRequireSecondFactor = (jitId: string) => useJitMutation((required: boolean) => requireSecondFactor(jitId, required));
export const useCreateExtension = (jitId: string) => useJitMutation((request: CreateExtensionRequest) => createExtension(jitId, request));
