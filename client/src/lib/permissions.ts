import { granteesOf, isGranted, type Jit, type JitPermission, type Me, type Task } from '@jit/shared';

/** What the caller may do in a JIT, from the shared permission table; only hides what the server would refuse. */
export function jitAccess(jit: Pick<Jit, 'myMembership'>, me: Pick<Me, 'isPlatformAdmin'>) {
  const grantees = granteesOf(jit.myMembership, me.isPlatformAdmin);
  const isLeadLeader = grantees.includes('lead_leader');
  return {
    can: (permission: JitPermission): boolean => isGranted(permission, grantees),
    /** A non-lead leader manages only their own party's members; the lead leader and the administrator manage all. */
    canManageParty: (partyId: string): boolean =>
      isGranted('members.manage', grantees) && (me.isPlatformAdmin || isLeadLeader || jit.myMembership?.partyId === partyId),
    isLeadLeader,
    /**
     * Leaders move any task and tick its checklist; other members only a task assigned to their
     * membership (the server's `Access.jitTaskMove`: `tasks.move` alone is every member's).
     */
    canMoveTask: (task: Pick<Task, 'assigneeMemberId'>): boolean =>
      isGranted('tasks.manage', grantees) ||
      (isGranted('tasks.move', grantees) && jit.myMembership !== null && task.assigneeMemberId === jit.myMembership.memberId),
  };
}
export type JitAccess = ReturnType<typeof jitAccess>;
