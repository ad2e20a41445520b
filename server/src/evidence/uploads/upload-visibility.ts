import type { JitAccess } from '../../access/access.service';

/** An upload is visible to its owner alone: the member who started it, in this JIT. As a row filter. */
export function ownUpload(access: Pick<JitAccess, 'jit' | 'user'>): { jitId: string; userId: string } {
  return { jitId: access.jit.id, userId: access.user.id };
}
