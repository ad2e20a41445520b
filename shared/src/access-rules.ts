import { granteesOf, isGranted, type JitGrantee } from './permissions';
import type { JitRole } from './roles';

/**
 * The narrower rules: who may act on one particular record, beyond what the permission table says
 * of their role. Pure predicates, so the server's access module, its realtime rooms and the client
 * decide alike; the server enforces them, the client only hides what would be refused.
 */

/** What the narrower rules need to know of the person acting in a JIT. */
export interface JitActor {
  grantees: readonly JitGrantee[];
  /** The person's membership in this JIT; null for the platform administrator acting by that role. */
  memberId: string | null;
  partyId: string | null;
}

export function actorOf(membership: { memberId: string; partyId: string; role: JitRole; isLeadParty: boolean } | null, isPlatformAdmin: boolean): JitActor {
  return { grantees: granteesOf(membership, isPlatformAdmin), memberId: membership?.memberId ?? null, partyId: membership?.partyId ?? null };
}

/** Leaders and legal advisers oversee the record: they see its custody reads, and will review it. */
export const OVERSIGHT_ROLES: readonly JitRole[] = ['leader', 'legal_adviser'];
export const isOversightRole = (role: JitRole): boolean => OVERSIGHT_ROLES.includes(role);

/**
 * Whether the actor manages members of a party, in the given roles: the lead party's leaders manage
 * every party, other leaders their own, and the platform administrator appoints leaders only. With
 * `roles` omitted: whether the actor manages anyone in that party at all.
 */
export function mayManagePartyMembers(actor: JitActor, partyId: string, roles: readonly JitRole[] = ['leader']): boolean {
  if (!isGranted('members.manage', actor.grantees)) return false;
  if (actor.grantees.includes('lead_leader')) return true;
  if (actor.grantees.includes('leader') && actor.partyId === partyId) return true;
  return actor.grantees.includes('platform_admin') && roles.every((role) => role === 'leader');
}

/** Leaders move any task and tick its checklist; anyone else only a task assigned to their membership. */
export function mayMoveTask(actor: JitActor, task: { assigneeMemberId: string | null }): boolean {
  if (!isGranted('tasks.move', actor.grantees)) return false;
  return actor.grantees.includes('leader') || (actor.memberId !== null && task.assigneeMemberId === actor.memberId);
}

/** An item's description belongs to the party that shared it: only its contributors change it. */
export function mayEditEvidenceMetadata(actor: JitActor, item: { createdByPartyId: string }): boolean {
  return isGranted('evidence.edit', actor.grantees) && actor.partyId !== null && actor.partyId === item.createdByPartyId;
}
