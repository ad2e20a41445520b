import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  GENESIS_HASH,
  jitChain,
  LIMITS,
  PLATFORM_CHAIN,
  RECORD_ACTIONS,
  type AuditAction,
  type AuditDetails,
  type AuditEvent,
  type AuditPage,
  type AuditSubjectType,
  type ChainVerification,
  type RecordEventInput,
  type TypedRecordChanges,
} from '@jit/shared';
import { ReadAccessService, type Reader } from '../access';
import type { RecordActor } from './record-actor';
import { AuditEventEntity } from './audit-event.entity';
import { ChainHeadEntity } from './chain-head.entity';
import { RecordEvents } from './record-events';
import { forUpdate, Transactions } from '../database';
import { digestDetails, eventHash, startVerification, verifyNext } from './chain-hash';
import { displayNames } from '../people';

export interface AuditQuery {
  afterSeq?: number;
  limit?: number;
  actorUserId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  /**
   * Whose view: the whole chain (the platform's), or a member's: the team's events, oversight's too
   * for leaders and legal advisers, and those whose audience is the member's own party.
   */
  reader: 'whole_chain' | Reader;
}

const VERIFY_BATCH = 1000;

/** Work that must commit or fail together with an event: rows derived from it, such as notifications. */
export type AppendedListener = (manager: EntityManager, event: AuditEventEntity, typed: TypedRecordChanges) => Promise<void>;

@Injectable()
export class RecordService {
  private readonly appendedListeners: AppendedListener[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly events: RecordEvents,
    private readonly readAccess: ReadAccessService,
  ) {}

  /** Runs `listener` inside the transaction of every appended event, after the event is written. */
  onAppended(listener: AppendedListener): void {
    this.appendedListeners.push(listener);
  }

  /** Opens a chain (its head at seq 0) in the transaction that creates what it records. */
  async openChain(manager: EntityManager, chain: string): Promise<void> {
    await manager.insert(ChainHeadEntity, { chain, seq: 0, hash: GENESIS_HASH });
  }

  /** Makes sure the platform chain exists; safe to call from several processes at once. */
  async ensureChain(chain: string): Promise<void> {
    const exists = await this.dataSource.getRepository(ChainHeadEntity).existsBy({ chain });
    if (exists) return;
    await this.dataSource.createQueryBuilder().insert().into(ChainHeadEntity).values({ chain, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
  }

  /**
   * Appends one event inside the caller's transaction, so no change exists without its record and
   * no record without its change. The chain head is locked (MySQL) or the whole write serialised
   * (SQLite, by Transactions), which keeps seq gap-free.
   */
  async append<A extends AuditAction>(manager: EntityManager, actor: RecordActor, entry: RecordEventInput<A>): Promise<AuditEventEntity> {
    const spec = RECORD_ACTIONS[entry.action];
    // A programming error, not a user's: the catalogue says which chain an action belongs on.
    if ((actor.jitId === null && spec.chain === 'jit') || (actor.jitId !== null && spec.chain === 'platform')) {
      throw new Error(`${entry.action} is not recorded on the ${actor.jitId === null ? 'platform' : 'JIT'} chain`);
    }
    const chain = actor.jitId === null ? PLATFORM_CHAIN : jitChain(actor.jitId);
    const head = await forUpdate(manager.getRepository(ChainHeadEntity).createQueryBuilder('head').where('head.chain = :chain', { chain })).getOne();
    if (!head) throw new Error(`Audit chain ${chain} has no head: it must be opened first`);

    const details: AuditDetails = {
      changes: entry.changes ?? [],
      ip: actor.ip,
      userAgent: actor.userAgent,
      timeZone: actor.timeZone,
    };
    const event = manager.create(AuditEventEntity, {
      chain,
      seq: head.seq + 1,
      occurredAt: new Date().toISOString(),
      actorUserId: actor.userId,
      actorPartyId: actor.partyId,
      action: entry.action,
      subjectType: entry.subjectType ?? spec.subjects[0],
      subjectId: entry.subjectId,
      // The action's default audience, kept as written (it is hashed); who may see the event is decided when it is read or sent.
      visibility: spec.audience,
      details: JSON.stringify(details),
      detailsDigest: digestDetails(details),
      prevHash: head.hash,
    });
    event.hash = eventHash(head.hash, event);
    await manager.insert(AuditEventEntity, event);
    await manager.update(ChainHeadEntity, { chain }, { seq: event.seq, hash: event.hash });
    // The changes were typed by the action when the caller built the entry.
    const typed = { action: entry.action, changes: details.changes } as TypedRecordChanges;
    for (const listener of this.appendedListeners) await listener(manager, event, typed);
    this.transactions.afterCommit(manager, () =>
      this.events.publish({
        ...typed,
        chain: event.chain,
        jitId: actor.jitId,
        seq: event.seq,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        audience: spec.audience,
        actorPartyId: event.actorPartyId,
        actorUserId: event.actorUserId,
      }),
    );
    return event;
  }

  async list(chain: string, query: AuditQuery): Promise<AuditPage> {
    const limit = Math.min(query.limit ?? LIMITS.auditPageDefault, LIMITS.auditPageMax);
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.chain = :chain', { chain })
      .andWhere('e.seq > :afterSeq', { afterSeq: query.afterSeq ?? 0 })
      .orderBy('e.seq', 'ASC')
      .take(limit);
    if (query.reader !== 'whole_chain') this.readAccess.scope(qb, 'audit_event', 'e', query.reader);
    if (query.actorUserId) qb.andWhere('e.actorUserId = :actor', { actor: query.actorUserId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    // occurredAt is stored as normalised ISO text, so text order is time order.
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) qb.andWhere('e.occurredAt <= :to', { to: new Date(query.to).toISOString() });
    const [records, head] = await Promise.all([qb.getMany(), this.dataSource.getRepository(ChainHeadEntity).findOneBy({ chain })]);
    return { items: await this.present(records), headSeq: head?.seq ?? 0 };
  }

  /** Every event about one subject (an item's custody log), oldest first. */
  async listBySubject(chain: string, subjectType: AuditSubjectType, subjectId: string): Promise<AuditEvent[]> {
    const records = await this.dataSource.getRepository(AuditEventEntity).find({ where: { chain, subjectType, subjectId }, order: { seq: 'ASC' } });
    return this.present(records);
  }

  /**
   * Whether this person recorded this action about this subject since a moment, with `field` set to
   * `to` (a custody read within its viewing window). Read inside the caller's transaction, so the
   * answer and the append that may follow see the same chain.
   */
  async recordedSince(
    manager: EntityManager,
    event: { chain: string; action: AuditAction; subjectType: AuditSubjectType; subjectId: string; actorUserId: string; since: Date; field: string; to: string },
  ): Promise<boolean> {
    const recent = await manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.chain = :chain AND e.subjectType = :subjectType AND e.subjectId = :subjectId', {
        chain: event.chain,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
      })
      .andWhere('e.action = :action AND e.actorUserId = :actorUserId AND e.occurredAt >= :since', {
        action: event.action,
        actorUserId: event.actorUserId,
        // occurredAt is stored as normalised ISO text, so text order is time order.
        since: event.since.toISOString(),
      })
      .getMany();
    return recent.some((e) => (JSON.parse(e.details) as AuditDetails).changes.some((change) => change.field === event.field && change.to === event.to));
  }

  /**
   * Recomputes the whole chain in seq order, in batches so memory stays flat, and compares the end
   * with the stored head, so editing, deleting (middle or newest) or reordering events is named.
   */
  async verify(chain: string): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditEventEntity);
    const head = await this.dataSource.getRepository(ChainHeadEntity).findOneBy({ chain });
    const progress = startVerification();
    let lastSeq = 0;
    for (;;) {
      const batch = await repository
        .createQueryBuilder('e')
        .where('e.chain = :chain AND e.seq > :lastSeq', { chain, lastSeq })
        .orderBy('e.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      for (const event of batch) verifyNext(progress, event);
      if (batch.length < VERIFY_BATCH) break;
      lastSeq = batch[batch.length - 1].seq;
    }
    const headSeq = head?.seq ?? 0;
    const headHash = head?.hash ?? GENESIS_HASH;
    let firstBrokenSeq = progress.firstBrokenSeq;
    if (firstBrokenSeq === null) {
      const verifiedSeq = progress.expectedSeq - 1;
      if (verifiedSeq !== headSeq) firstBrokenSeq = Math.min(verifiedSeq, headSeq) + 1;
      else if (progress.prevHash !== headHash) firstBrokenSeq = headSeq;
    }
    return { ok: firstBrokenSeq === null, count: progress.count, headSeq, headHash, firstBrokenSeq };
  }

  private async present(records: AuditEventEntity[]): Promise<AuditEvent[]> {
    const names = await displayNames(
      this.dataSource.manager,
      records.map((r) => r.actorUserId),
    );
    return records.map((r) => {
      const details = JSON.parse(r.details) as AuditDetails;
      return {
        chain: r.chain,
        seq: r.seq,
        occurredAt: r.occurredAt,
        actorUserId: r.actorUserId,
        actorDisplayName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
        actorPartyId: r.actorPartyId,
        actorTimeZone: details.timeZone,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        changes: details.changes,
        ip: details.ip,
        userAgent: details.userAgent,
        prevHash: r.prevHash,
        hash: r.hash,
      };
    });
  }
}
