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

describe('canManageParty', () => {
  const lead = (role: JitRole): Pick<Jit, 'myMembership'> => ({ myMembership: { memberId: 'm1', partyId: 'p1', role, isLeadParty: true } });

  it('lets the lead party’s leaders manage every party, other leaders their own only', () => {
    expect(['p1', 'p2'].map((party) => jitAccess(lead('leader'), { isPlatformAdmin: false }).canManageParty(party))).toEqual([true, true]);
    expect(['p1', 'p2'].map((party) => jitAccess(jitAs('leader'), { isPlatformAdmin: false }).canManageParty(party))).toEqual([true, false]);
  });

  it('lets nobody else manage members, the lead party’s other members included', () => {
    for (const role of ['member', 'legal_adviser', 'observer'] as const) {
      expect([role, jitAccess(lead(role), { isPlatformAdmin: false }).canManageParty('p1')]).toEqual([role, false]);
    }
  });

  it('lets the administrator appoint leaders of any party, and nothing else', () => {
    const access = jitAccess(jitAs(null), { isPlatformAdmin: true });
    expect([access.canManageParty('p2'), access.canManageParty('p2', ['leader']), access.canManageParty('p2', ['member'])]).toEqual([true, true, false]);
  });
});

describe('canEditEvidenceMetadata', () => {
  it('lets the contributors (leaders, members, legal advisers) of the party that shared the item edit its description', () => {
    const ours = { createdByPartyId: 'p1' };
    const theirs = { createdByPartyId: 'p2' };
    const cases = (['leader', 'member', 'legal_adviser', 'observer'] as const).map((role) => {
      const access = jitAccess(jitAs(role), { isPlatformAdmin: false });
      return [role, access.canEditEvidenceMetadata(ours), access.canEditEvidenceMetadata(theirs)];
    });
    expect(cases).toEqual([
      ['leader', true, false],
      ['member', true, false],
      ['legal_adviser', true, false],
      ['observer', false, false],
    ]);
    expect(jitAccess(jitAs(null), { isPlatformAdmin: true }).canEditEvidenceMetadata(ours)).toBe(false);
  });
});
