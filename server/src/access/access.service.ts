import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  granteesOf,
  isGranted,
  isUuid,
  mayEditEvidenceMetadata,
  mayManagePartyMembers,
  mayMoveTask,
  type JitActor,
  type JitGrantee,
  type JitPermission,
  type JitRole,
} from '@jit/shared';
import { forbidden, notFound } from '../common';
import { JitEntity, JitPartyEntity } from '../jits/entities';
import { MembershipEntity } from '../members/entities';
import type { UserEntity } from '../users/entities';
import { isActiveMembership } from './active-membership';
import { ReadAccessService } from './read-access.service';

/** What the access module decided about one user in one JIT. */
export interface JitAccess {
  user: UserEntity;
  jit: JitEntity;
  parties: JitPartyEntity[];
  /** The user's active membership, or null for the platform administrator acting by that role. */
  membership: MembershipEntity | null;
  party: JitPartyEntity | null;
  grantees: JitGrantee[];
}

export { isActiveMembership } from './active-membership';

/**
 * The one place that answers "may this user do X in this JIT". Decisions come from the permission
 * table in @jit/shared; the narrower rules (whose members a leader manages) live here too.
 */
@Injectable()
export class AccessService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly readAccess: ReadAccessService,
  ) {}

  /** Resolves the caller's standing in a JIT. An outsider learns nothing: a missing JIT and a foreign one are the same 404. */
  async resolve(user: UserEntity, jitId: string | undefined): Promise<JitAccess> {
    if (!isUuid(jitId)) throw notFound('This JIT');
    const jit = await this.dataSource.getRepository(JitEntity).findOneBy({ id: jitId });
    if (!jit) throw notFound('This JIT');
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ jitId, userId: user.id, revokedAt: IsNull() });
    const membership = memberships.find((m) => isActiveMembership(m)) ?? null;
    if (!membership && !user.isPlatformAdmin) throw notFound('This JIT');
    const parties = await this.dataSource.getRepository(JitPartyEntity).find({ where: { jitId }, order: { position: 'ASC' } });
    const party = membership ? (parties.find((p) => p.id === membership.partyId) ?? null) : null;
    const grantees = granteesOf(membership ? { role: membership.role, isLeadParty: party?.isLead ?? false } : null, user.isPlatformAdmin);
    return { user, jit, parties, membership, party, grantees };
  }

  can(access: JitAccess, permission: JitPermission): boolean {
    return isGranted(permission, access.grantees);
  }

  require(access: JitAccess, permission: JitPermission): void {
    if (!this.can(access, permission)) throw forbidden(permission);
  }

  /** The caller as the narrower rules of @jit/shared see them. */
  actor(access: JitAccess): JitActor {
    return { grantees: access.grantees, memberId: access.membership?.id ?? null, partyId: access.membership?.partyId ?? null };
  }

  /** Evidence metadata belongs to the party that uploaded it: only its members may change it. */
  requireEvidenceEdit(access: JitAccess, uploaderPartyId: string): void {
    this.require(access, 'evidence.edit');
    if (!mayEditEvidenceMetadata(this.actor(access), { createdByPartyId: uploaderPartyId })) {
      throw forbidden('evidence.edit', 'Only members of the party that shared this item may change its description; ask them, or add a version.');
    }
  }

  /** The item a route changes, checked against the uploader-party rule; a foreign, pending or unknown id is a 404. */
  async requireEvidenceTarget(access: JitAccess, itemId: string | undefined): Promise<void> {
    const item = await this.readAccess.require(this.dataSource.manager, 'evidence', itemId, this.readAccess.reader(access));
    this.requireEvidenceEdit(access, item.createdByPartyId);
  }

  /** Leaders move any task and tick its checklist; anyone else only a task assigned to them. A foreign or unknown task is a 404. */
  async requireTaskMover(access: JitAccess, taskId: string | undefined): Promise<void> {
    const task = await this.readAccess.require(this.dataSource.manager, 'task', taskId, this.readAccess.reader(access));
    this.require(access, 'tasks.move');
    if (!mayMoveTask(this.actor(access), task)) {
      throw forbidden('tasks.move', 'Only the person a task is assigned to, or a leader, may move it or tick its checklist.');
    }
  }

  /** The membership a route acts on, checked against the narrower rule; a foreign or unknown id is a 404. */
  async requireMemberTarget(access: JitAccess, memberId: string | undefined): Promise<void> {
    const membership = isUuid(memberId) ? await this.dataSource.getRepository(MembershipEntity).findOneBy({ id: memberId, jitId: access.jit.id }) : null;
    if (!membership) throw notFound('This membership');
    this.requireMemberManagement(access, membership.partyId, [membership.role]);
  }

  /**
   * members.manage narrowed to a target: the lead party's leaders manage every party, other leaders
   * only their own, and the platform administrator appoints leaders only.
   */
  requireMemberManagement(access: JitAccess, targetPartyId: string, roles: readonly JitRole[]): void {
    this.require(access, 'members.manage');
    if (mayManagePartyMembers(this.actor(access), targetPartyId, roles)) return;
    throw forbidden(
      'members.manage',
      access.grantees.includes('leader')
        ? 'You manage the members of your own party only; ask a leader of the lead party.'
        : 'The platform administrator appoints leaders only; the leaders add the other members.',
    );
  }
}
