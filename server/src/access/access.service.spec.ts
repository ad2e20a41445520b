import { granteesOf, type JitRole } from '@jit/shared';
import type { DataSource } from 'typeorm';
import { AppError } from '../common';
import type { MembershipEntity } from '../members/entities';
import { AccessService, isActiveMembership, type JitAccess } from './access.service';
import { ReadAccessService } from './read-access.service';

// The narrower rules tested here read no rows: neither the database nor the read-access service is reached.
const service = new AccessService({} as DataSource, new ReadAccessService({} as DataSource));

function accessOf(role: JitRole | null, options: { lead?: boolean; admin?: boolean; partyId?: string } = {}): JitAccess {
  const membership = role ? ({ role, partyId: options.partyId ?? 'p-fr' } as MembershipEntity) : null;
  return {
    membership,
    grantees: granteesOf(role ? { role, isLeadParty: options.lead ?? false } : null, options.admin ?? false),
  } as JitAccess;
}

const refusal = (fn: () => void): number | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as AppError).getStatus();
  }
};

describe('AccessService member management', () => {
  it.each<[string, JitAccess, string, JitRole, number | null]>([
    ['lead leader, any party', accessOf('leader', { lead: true, partyId: 'p-nl' }), 'p-fr', 'member', null],
    ['other leader, own party', accessOf('leader', { partyId: 'p-fr' }), 'p-fr', 'legal_adviser', null],
    ['other leader, another party', accessOf('leader', { partyId: 'p-fr' }), 'p-nl', 'member', 403],
    ['administrator appoints a leader', accessOf(null, { admin: true }), 'p-nl', 'leader', null],
    ['administrator adds a member', accessOf(null, { admin: true }), 'p-nl', 'member', 403],
    ['member', accessOf('member', { partyId: 'p-fr' }), 'p-fr', 'member', 403],
    ['legal adviser', accessOf('legal_adviser', { partyId: 'p-fr' }), 'p-fr', 'member', 403],
  ])('%s', (_, access, partyId, role, expected) => {
    expect(refusal(() => service.requireMemberManagement(access, partyId, [role]))).toBe(expected);
  });

  it('names the missing permission in the refusal', () => {
    try {
      service.require(accessOf('observer'), 'record.verify');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as AppError).body).toMatchObject({ statusCode: 403, error: 'forbidden', permission: 'record.verify' });
    }
  });

  it('treats revoked and expired memberships as no membership', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isActiveMembership({ revokedAt: null, accessExpiresAt: null }, now)).toBe(true);
    expect(isActiveMembership({ revokedAt: new Date('2026-05-01T00:00:00Z'), accessExpiresAt: null }, now)).toBe(false);
    expect(isActiveMembership({ revokedAt: null, accessExpiresAt: new Date('2026-05-31T23:59:59Z') }, now)).toBe(false);
  });
});
