import {
  actorOf,
  isGranted,
  mayEditEvidenceMetadata,
  mayManagePartyMembers,
  mayMoveTask,
  type EvidenceItem,
  type Jit,
  type JitPermission,
  type JitRole,
  type Me,
  type Task,
} from '@jit/shared';

/**
 * What the caller may do in a JIT: the shared permission table and the shared narrower rules
 * (`access-rules.ts`), the very ones the server enforces, so the client only hides what the server
 * would refuse and never decides anything of its own.
 */
export function jitAccess(jit: Pick<Jit, 'myMembership'>, me: Pick<Me, 'isPlatformAdmin'>) {
  const actor = actorOf(jit.myMembership, me.isPlatformAdmin);
  return {
    can: (permission: JitPermission): boolean => isGranted(permission, actor.grantees),
    /** Whose members the caller manages: their own party's, every party's for the lead party's leaders. */
    canManageParty: (partyId: string, roles?: readonly JitRole[]): boolean => mayManagePartyMembers(actor, partyId, roles),
    isLeadLeader: actor.grantees.includes('lead_leader'),
    /** Leaders move any task and tick its checklist; other members only a task assigned to their membership. */
    canMoveTask: (task: Pick<Task, 'assigneeMemberId'>): boolean => mayMoveTask(actor, task),
    /** An item's description belongs to the party that shared it. */
    canEditEvidenceMetadata: (item: Pick<EvidenceItem, 'createdByPartyId'>): boolean => mayEditEvidenceMetadata(actor, item),
  };
}
export type JitAccess = ReturnType<typeof jitAccess>;
