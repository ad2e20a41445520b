import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid, type Member, type UserLookupResult } from '@jit/shared';
import { AccessService, isActiveMembership, type JitAccess } from '../access';
import { conflict, created, diff, invalid, notFound, type RequestContext } from '../common';
import { Transactions } from '../database';
import { JitsService } from '../jits';
import { memberActor, RecordService } from '../record';
import { UserEntity } from '../users/entities';
import { toLookup } from '../people';
import type { AddMemberDto, UpdateMemberDto } from './member.dto';
import { MembershipEntity } from './membership.entity';

function toMember(m: MembershipEntity, user: UserEntity | undefined): Member {
  return {
    id: m.id,
    jitId: m.jitId,
    userId: m.userId,
    partyId: m.partyId,
    role: m.role,
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    organisation: user?.organisation ?? '',
    country: user?.country ?? '',
    accessExpiresAt: m.accessExpiresAt?.toISOString() ?? null,
    addedAt: m.addedAt.toISOString(),
    addedBy: m.addedBy,
    revokedAt: m.revokedAt?.toISOString() ?? null,
    revokedBy: m.revokedBy,
    active: isActiveMembership(m),
  };
}

/** An expiry must lie in the future; null clears it. */
function parseExpiry(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid([{ field: 'accessExpiresAt', code: 'invalid_date' }]);
  if (date.getTime() <= Date.now()) throw invalid([{ field: 'accessExpiresAt', code: 'out_of_range' }], 'An access expiry must lie in the future.');
  return date;
}

@Injectable()
export class MembersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly access: AccessService,
    private readonly jits: JitsService,
    private readonly record: RecordService,
  ) {}

  async list(access: JitAccess): Promise<Member[]> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).find({ where: { jitId: access.jit.id }, order: { addedAt: 'ASC' } });
    return this.present(this.dataSource.manager, memberships);
  }

  /** What a leader may learn of an account to add it: only on an exact email address. */
  async lookup(email: string | undefined): Promise<UserLookupResult> {
    const normalised = (email ?? '').trim().toLowerCase();
    const user = normalised ? await this.dataSource.getRepository(UserEntity).findOneBy({ email: normalised, disabled: false }) : null;
    if (!user) throw notFound('An account with this email address');
    return toLookup(user);
  }

  async add(context: RequestContext, access: JitAccess, dto: AddMemberDto): Promise<Member> {
    if (!access.parties.some((p) => p.id === dto.partyId)) throw invalid([{ field: 'partyId', code: 'invalid_value' }], 'Choose one of the parties of this JIT.');
    this.access.requireMemberManagement(access, dto.partyId, [dto.role]);
    const accessExpiresAt = parseExpiry(dto.accessExpiresAt) ?? null;
    return this.transactions.run(async (manager) => {
      await this.jits.loadForWrite(manager, access.jit.id);
      const user = await manager.getRepository(UserEntity).findOneBy({ id: dto.userId });
      if (!user || user.disabled) throw invalid([{ field: 'userId', code: 'invalid_value' }], 'There is no active account with this id.');
      const existing = await manager.getRepository(MembershipEntity).findBy({ jitId: access.jit.id, userId: dto.userId });
      if (existing.some((m) => isActiveMembership(m))) throw conflict('member_exists', `${user.displayName} is already a member of this JIT.`);
      const membership = manager.create(MembershipEntity, {
        id: randomUUID(),
        jitId: access.jit.id,
        userId: dto.userId,
        partyId: dto.partyId,
        role: dto.role,
        accessExpiresAt,
        addedAt: new Date(),
        addedBy: access.user.id,
        revokedAt: null,
        revokedBy: null,
      });
      await manager.insert(MembershipEntity, membership);
      await this.record.append(manager, memberActor(context, access), {
        action: 'member.added',
        subjectId: membership.id,
        changes: created({ userId: dto.userId, partyId: dto.partyId, role: dto.role, accessExpiresAt }),
      });
      return toMember(membership, user);
    });
  }

  async update(context: RequestContext, access: JitAccess, memberId: string, dto: UpdateMemberDto): Promise<Member> {
    return this.transactions.run(async (manager) => {
      const membership = await this.find(manager, access, memberId);
      this.access.requireMemberManagement(access, membership.partyId, [membership.role, ...(dto.role ? [dto.role] : [])]);
      const accessExpiresAt = parseExpiry(dto.accessExpiresAt);
      await this.jits.loadForWrite(manager, access.jit.id);
      if (membership.revokedAt) throw conflict('member_revoked', 'This membership was revoked; add the person again instead.');
      const patch: Partial<Pick<MembershipEntity, 'role' | 'accessExpiresAt'>> = {
        ...(dto.role ? { role: dto.role } : {}),
        ...(accessExpiresAt !== undefined ? { accessExpiresAt } : {}),
      };
      const changes = diff(membership, patch);
      if (changes.length > 0) {
        await manager.update(MembershipEntity, { id: membership.id }, patch);
        await this.record.append(manager, memberActor(context, access), {
          action: 'member.updated',
          subjectId: membership.id,
          changes,
        });
      }
      const [member] = await this.present(manager, [{ ...membership, ...patch }]);
      return member;
    });
  }

  /** Revoking takes effect at once and keeps the membership in the record; allowed even on a closed or expired JIT. */
  async revoke(context: RequestContext, access: JitAccess, memberId: string): Promise<Member> {
    return this.transactions.run(async (manager) => {
      const membership = await this.find(manager, access, memberId);
      this.access.requireMemberManagement(access, membership.partyId, [membership.role]);
      await this.jits.loadForWrite(manager, access.jit.id, { allowClosed: true, allowExpired: true });
      if (membership.revokedAt) throw conflict('member_revoked', 'This membership is already revoked.');
      const revokedAt = new Date();
      await manager.update(MembershipEntity, { id: membership.id }, { revokedAt, revokedBy: access.user.id });
      await this.record.append(manager, memberActor(context, access), {
        action: 'member.revoked',
        subjectId: membership.id,
        changes: [{ field: 'revokedAt', from: null, to: revokedAt.toISOString() }],
      });
      const [member] = await this.present(manager, [{ ...membership, revokedAt, revokedBy: access.user.id }]);
      return member;
    });
  }

  private async find(manager: EntityManager, access: JitAccess, memberId: string): Promise<MembershipEntity> {
    const membership = isUuid(memberId) ? await manager.getRepository(MembershipEntity).findOneBy({ id: memberId, jitId: access.jit.id }) : null;
    if (!membership) throw notFound('This membership');
    return membership;
  }

  private async present(manager: EntityManager, memberships: MembershipEntity[]): Promise<Member[]> {
    const ids = [...new Set(memberships.map((m) => m.userId))];
    const users = ids.length ? await manager.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return memberships.map((m) => toMember(m, byId.get(m.userId)));
  }
}
