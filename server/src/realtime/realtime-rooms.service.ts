import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { isOversightRole, isUuid, type JitPermission, type RecordAudience } from '@jit/shared';
import { AccessService, isActiveMembership } from '../access';
import { UserEntity } from '../users/entities';
import { JitPartyEntity } from '../jits/entities';
import { MembershipEntity } from '../members/entities';

/** Room names: the server decides them; clients never name a room. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  jit: (jitId: string) => `jit:${jitId}`,
  party: (jitId: string, partyId: string) => `jit:${jitId}:party:${partyId}`,
  /** Leaders and legal advisers: events every member may not see (custody reads). */
  oversight: (jitId: string) => `jit:${jitId}:oversight`,
  /** Those who may see an event of this audience; a party's event acted for no party goes to oversight alone. */
  audience: (jitId: string, audience: RecordAudience, partyId: string | null): string =>
    audience === 'team' ? rooms.jit(jitId) : audience === 'party' && partyId ? rooms.party(jitId, partyId) : rooms.oversight(jitId),
  /** The JIT of a `jit:<id>` room; null for any other room (a party's, oversight, a user's). */
  jitOf: (room: string): string | null => (room.startsWith('jit:') && isUuid(room.slice(4)) ? room.slice(4) : null),
};

/** Which rooms a person belongs in, from their active memberships. */
@Injectable()
export class RealtimeRoomsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Whether a person holds a permission in a JIT, decided by the access module as for a request. */
  async may(userId: string, jitId: string, permission: JitPermission): Promise<boolean> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) return false;
    const standing = await this.access.resolve(user, jitId).catch(() => null);
    return standing !== null && this.access.can(standing, permission);
  }

  private roomsOf(membership: MembershipEntity): string[] {
    const joined = [rooms.jit(membership.jitId), rooms.party(membership.jitId, membership.partyId)];
    if (isOversightRole(membership.role)) joined.push(rooms.oversight(membership.jitId));
    return joined;
  }

  async roomsFor(userId: string, jitId?: string): Promise<string[]> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId, revokedAt: IsNull(), ...(jitId ? { jitId } : {}) });
    return [...(jitId ? [] : [rooms.user(userId)]), ...memberships.filter((m) => isActiveMembership(m)).flatMap((m) => this.roomsOf(m))];
  }

  /** Every room of one JIT, to leave them all before joining the ones a person still has. */
  async allRoomsOf(jitId: string): Promise<string[]> {
    const parties = await this.dataSource.getRepository(JitPartyEntity).findBy({ jitId });
    return [rooms.jit(jitId), rooms.oversight(jitId), ...parties.map((p) => rooms.party(jitId, p.id))];
  }

  async userOfMembership(membershipId: string): Promise<string | null> {
    const membership = await this.dataSource.getRepository(MembershipEntity).findOneBy({ id: membershipId });
    return membership?.userId ?? null;
  }
}
