import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@jit/shared';
import { apiRequest, isApiRequestError } from './api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in account, or null when nobody is signed in (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/auth/me');
  } catch (error) {
    if (isApiRequestError(error) && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export const useMe = () => useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });

/** The signed-in account for screens that only render once the session gate has let them through. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside the signed-in layout');
  return data;
}

export const setMe = (queryClient: QueryClient, me: Me | null): void => {
  queryClient.setQueryData(ME_QUERY_KEY, me);
};
