import type { Jit, JitRole } from '@jit/shared';
import { describe, expect, it } from 'vitest';
import { jitAccess } from './permissions';

const jitAs = (role: JitRole | null): Pick<Jit, 'myMembership'> => ({
  myMembership: role ? { memberId: 'm1', partyId: 'p1', role, isLeadParty: false } : null,
});

describe('canMoveTask', () => {
  const mine = { assigneeMemberId: 'm1' };
  const theirs = { assigneeMemberId: 'm2' };
  const nobodys = { assigneeMemberId: null };

  it('lets leaders move and tick any task', () => {
    const access = jitAccess(jitAs('leader'), { isPlatformAdmin: false });
    expect([mine, theirs, nobodys].map(access.canMoveTask)).toEqual([true, true, true]);
  });

  it('lets every other member work on the task assigned to their membership only', () => {
    for (const role of ['member', 'legal_adviser', 'observer'] as const) {
      const access = jitAccess(jitAs(role), { isPlatformAdmin: false });
      expect([role, ...[mine, theirs, nobodys].map(access.canMoveTask)]).toEqual([role, true, false, false]);
    }
  });

  it('gives the administrator, who is no member, none', () => {
    const access = jitAccess(jitAs(null), { isPlatformAdmin: true });
    expect([mine, theirs, nobodys].map(access.canMoveTask)).toEqual([false, false, false]);
  });
});
