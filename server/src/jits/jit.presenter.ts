import { todayUtc, type Jit } from '@jit/shared';
import type { JitExtensionEntity } from './extension.entity';
import type { JitEntity } from './jit.entity';
import type { JitPartyEntity } from './party.entity';
import type { MembershipEntity } from '../members/entities';

/** Past its effective end date a JIT refuses changes until an extension is recorded. */
export const isExpired = (jit: Pick<JitEntity, 'effectiveEndDate'>, now = new Date()): boolean => jit.effectiveEndDate < todayUtc(now);

export function toJit(jit: JitEntity, parties: JitPartyEntity[], extensions: JitExtensionEntity[], membership: MembershipEntity | null, defaultMaxUploadBytes: number): Jit {
  const ownParty = membership ? parties.find((p) => p.id === membership.partyId) : undefined;
  return {
    id: jit.id,
    reference: jit.reference,
    title: jit.title,
    purpose: jit.purpose,
    legalBasis: jit.legalBasis,
    startDate: jit.startDate,
    endDate: jit.endDate,
    effectiveEndDate: jit.effectiveEndDate,
    expired: isExpired(jit),
    workingLanguage: jit.workingLanguage,
    statesOfOperation: jit.statesOfOperation,
    status: jit.status,
    parties: parties.map((p) => ({ id: p.id, kind: p.kind, country: p.country, name: p.name, authority: p.authority, isLead: p.isLead })),
    extensions: extensions.map((e) => ({
      id: e.id,
      previousEndDate: e.previousEndDate,
      newEndDate: e.newEndDate,
      agreedOn: e.agreedOn,
      note: e.note,
      recordedBy: e.recordedBy,
      recordedAt: e.recordedAt.toISOString(),
    })),
    createdAt: jit.createdAt.toISOString(),
    activatedAt: jit.activatedAt?.toISOString() ?? null,
    closedAt: jit.closedAt?.toISOString() ?? null,
    maxUploadBytes: jit.maxUploadBytes ?? defaultMaxUploadBytes,
    blockedTypes: jit.blockedTypes,
    secondFactorRequired: jit.secondFactorRequired,
    myMembership: membership ? { memberId: membership.id, partyId: membership.partyId, role: membership.role, isLeadParty: ownParty?.isLead ?? false } : null,
  };
}
