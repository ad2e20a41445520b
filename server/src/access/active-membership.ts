import type { MembershipEntity } from '../members/entities';

/** A membership counts while it is neither revoked nor past its access end. */
export const isActiveMembership = (m: Pick<MembershipEntity, 'revokedAt' | 'accessExpiresAt'>, now = new Date()): boolean =>
  m.revokedAt === null && (m.accessExpiresAt === null || m.accessExpiresAt > now);
