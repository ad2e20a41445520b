import { granteesOf, isGranted, type Jit, type JitPermission, type Me } from '@jit/shared';

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
  };
}
export type JitAccess = ReturnType<typeof jitAccess>;
