import type { RequestContext } from '../common';

/** Who acts, from where, and for which JIT and party: what every event of the record says of its actor. */
export interface RecordActor extends RequestContext {
  /** The JIT whose chain the event goes on; null for the platform chain. */
  jitId: string | null;
  /** The party the actor acted for, inside a JIT. */
  partyId: string | null;
}

export const platformActor = (context: RequestContext): RecordActor => ({ ...context, jitId: null, partyId: null });

export const jitActor = (context: RequestContext, jitId: string, partyId: string | null): RecordActor => ({ ...context, jitId, partyId });

/** A member acting in their JIT for their party (or the platform administrator, for none). */
export const memberActor = (context: RequestContext, access: { jit: { id: string }; membership: { partyId: string } | null }): RecordActor =>
  jitActor(context, access.jit.id, access.membership?.partyId ?? null);
