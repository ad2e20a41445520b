import { Inject, Injectable, Logger } from '@nestjs/common';
import { Between, DataSource } from 'typeorm';
import { ScheduledJob } from '../jobs';
import { MembershipEntity } from '../members/entities';
import { RealtimeGateway } from './realtime.gateway';

const TICK_MS = 60_000;

/**
 * Access that ends by itself (a membership's `accessExpiresAt`) has no record event to announce it,
 * so once a minute every process takes the people whose access ended since its last look out of
 * the JIT's rooms. Moving sockets is idempotent, so no lease is needed.
 */
@Injectable()
export class AccessExpiryWatch extends ScheduledJob {
  private checkedUpTo = new Date();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
  ) {
    super(new Logger('AccessExpiryWatch'), TICK_MS);
  }

  /** Returns how many memberships were found ended since the previous tick. */
  async tick(now = new Date()): Promise<number> {
    const ended = await this.dataSource.getRepository(MembershipEntity).findBy({ accessExpiresAt: Between(this.checkedUpTo, now) });
    for (const membership of ended) await this.gateway.refreshRooms(membership.jitId, membership.userId);
    this.checkedUpTo = now;
    return ended.length;
  }
}
