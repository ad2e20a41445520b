import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, IsNull, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { actionsFor, isOversightRole, isUuid, jitChain, type JitRole, type WorkSubjectRef, type WorkSubjectSummary, type WorkSubjectType } from '@jit/shared';
import { invalid, notFound } from '../common';
import { forUpdate } from '../database';
import { CommentEntity } from '../comments/entities';
import { EvidenceItemEntity, EvidenceUploadEntity, EvidenceVersionEntity } from '../evidence/entities';
import { LinkEntity } from '../links/entities';
import { MembershipEntity } from '../members/entities';
import { NoteEntity } from '../notes/entities';
import { AuditEventEntity } from '../record/entities';
import { TaskEntity } from '../tasks/entities';
import type { JitAccess } from './access.service';
import { isActiveMembership } from './active-membership';

/** Who reads, in one JIT: what every read rule needs to know about them. */
export interface Reader {
  jitId: string;
  userId: string;
  /** The party they read for; null for the platform administrator, who belongs to none. */
  partyId: string | null;
  /** Leaders and legal advisers: they also see the record's oversight events (custody reads). */
  oversight: boolean;
}

const readerOf = (jitId: string, userId: string, membership: { partyId: string; role: JitRole } | null): Reader => ({
  jitId,
  userId,
  partyId: membership?.partyId ?? null,
  oversight: membership !== null && isOversightRole(membership.role),
});

/** The tables whose rows a reader may or may not read. */
const TABLES = {
  evidence: EvidenceItemEntity,
  version: EvidenceVersionEntity,
  note: NoteEntity,
  task: TaskEntity,
  comment: CommentEntity,
  link: LinkEntity,
  upload: EvidenceUploadEntity,
  audit_event: AuditEventEntity,
} as const;
export type ReadableKind = keyof typeof TABLES;
type RowOf<K extends ReadableKind> = InstanceType<(typeof TABLES)[K]>;

export interface ReadOptions {
  /**
   * Also a pending item or version the reader is uploading themselves, so they can follow it. Lists
   * and everything built on them (links, comments, notifications) show evidence only.
   */
  ownPending?: boolean;
}

/** Evidence is an item whose bytes are in and hashed; the failed check keeps it evidence, flagged. */
const EVIDENCE_STATUSES = ['available', 'integrity_failed'];
const TEAM_ACTIONS = actionsFor('team');
const OVERSIGHT_ACTIONS = actionsFor('oversight');
const PARTY_ACTIONS = actionsFor('party');

const noun: Record<ReadableKind, string> = {
  evidence: 'This evidence item',
  version: 'This version',
  note: 'This note',
  task: 'This task',
  comment: 'This comment',
  link: 'This link',
  upload: 'This upload',
  audit_event: 'This event',
};

export const subjectKey = (ref: WorkSubjectRef): string => `${ref.type}:${ref.id}`;

/**
 * The one answer to "may this reader read this": every list narrows its query with `scope`, every
 * detail finds its row with `find` / `require` (the same conditions), and what comments, links and
 * notifications point at is looked up with `summaries`. Restricting a kind of row to a party is one
 * new condition in `conditions` here, and every route that reads it follows.
 *
 * Conditions are SQL, so a list is never filtered after paging; parameter names carry the alias, so
 * one query may scope several tables.
 */
@Injectable()
export class ReadAccessService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The reader a route's access decision describes. */
  reader(access: JitAccess): Reader {
    return readerOf(access.jit.id, access.user.id, access.membership);
  }

  /** The reader an active membership makes of its person in its JIT. */
  memberReaderOf(membership: Pick<MembershipEntity, 'jitId' | 'userId' | 'partyId' | 'role'>): Reader {
    return readerOf(membership.jitId, membership.userId, membership);
  }

  /** The reader a person is in a JIT where they are an active member; null when they are not. */
  async memberReader(userId: string, jitId: string, manager: EntityManager = this.dataSource.manager): Promise<Reader | null> {
    const memberships = await manager.getRepository(MembershipEntity).findBy({ userId, jitId, revokedAt: IsNull() });
    const active = memberships.find((m) => isActiveMembership(m));
    return active ? this.memberReaderOf(active) : null;
  }

  /** Narrows `qb`, whose rows of `kind` are under `alias`, to those the reader may read. */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, kind: ReadableKind, alias: string, reader: Reader, options: ReadOptions = {}): SelectQueryBuilder<T> {
    return qb.andWhere(this.conditions(qb, kind, alias, reader, options));
  }

  /** The row of `kind` with this id that the reader may read, or null: unknown, foreign and unreadable alike. */
  async find<K extends Exclude<ReadableKind, 'audit_event'>>(
    manager: EntityManager,
    kind: K,
    id: string | undefined,
    reader: Reader,
    options: ReadOptions & { lock?: boolean } = {},
  ): Promise<RowOf<K> | null> {
    if (!isUuid(id)) return null;
    const qb = manager.getRepository<RowOf<K>>(TABLES[kind]).createQueryBuilder('row').where('row.id = :rowId', { rowId: id });
    this.scope(qb, kind, 'row', reader, options);
    return (options.lock ? forUpdate(qb) : qb).getOne();
  }

  /** As `find`, and a 404 that says nothing more when there is none. */
  async require<K extends Exclude<ReadableKind, 'audit_event'>>(
    manager: EntityManager,
    kind: K,
    id: string | undefined,
    reader: Reader,
    options: ReadOptions & { lock?: boolean } = {},
  ): Promise<RowOf<K>> {
    const row = await this.find(manager, kind, id, reader, options);
    if (!row) throw notFound(noun[kind]);
    return row;
  }

  /** Whether the reader may read the row of `kind` with this id (outside a transaction). */
  async mayRead(kind: Exclude<ReadableKind, 'audit_event'>, id: string | undefined, reader: Reader): Promise<boolean> {
    return (await this.find(this.dataSource.manager, kind, id, reader)) !== null;
  }

  /** The readable work subjects among `refs`, with their titles, by `subjectKey`; the others are simply absent. */
  async summaries(reader: Reader, refs: readonly WorkSubjectRef[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, WorkSubjectSummary>> {
    const found = new Map<string, WorkSubjectSummary>();
    const kinds: Array<[WorkSubjectType, 'evidence' | 'note' | 'task']> = [
      ['evidence', 'evidence'],
      ['note', 'note'],
      ['task', 'task'],
    ];
    for (const [type, kind] of kinds) {
      const ids = [...new Set(refs.filter((r) => r.type === type && isUuid(r.id)).map((r) => r.id))];
      if (ids.length === 0) continue;
      const qb = manager.getRepository<RowOf<typeof kind>>(TABLES[kind]).createQueryBuilder('s').select(['s.id', 's.title']).where('s.id IN (:...summaryIds)', { summaryIds: ids });
      for (const row of await this.scope(qb, kind, 's', reader).getMany()) found.set(subjectKey({ type, id: row.id }), { type, id: row.id, title: row.title });
    }
    return found;
  }

  /** Refuses (400 on `field`) a subject that is not a readable evidence item, note or task of this JIT. */
  async requireSubject(manager: EntityManager, reader: Reader, ref: WorkSubjectRef, field: string): Promise<WorkSubjectSummary> {
    const summary = (await this.summaries(reader, [ref], manager)).get(subjectKey(ref));
    if (!summary) throw invalid([{ field, code: 'invalid_value' }], 'Choose an evidence item, note or task of this JIT that you may read.');
    return summary;
  }

  /** The rule for each kind, as one bracketed condition. */
  private conditions<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, kind: ReadableKind, a: string, reader: Reader, options: ReadOptions): Brackets {
    const p = (name: string) => `${a}_${name}`;
    qb.setParameters({ [p('jit')]: reader.jitId, [p('user')]: reader.userId, [p('evidence')]: EVIDENCE_STATUSES });
    const inJit = `${a}.jitId = :${p('jit')}`;
    switch (kind) {
      case 'evidence':
        return new Brackets((w) => {
          w.where(inJit).andWhere(options.ownPending ? `(${a}.status IN (:...${p('evidence')}) OR ${a}.createdBy = :${p('user')})` : `${a}.status IN (:...${p('evidence')})`);
        });
      case 'version':
        // A version is read through its item; a version still uploading is its uploader's alone.
        return new Brackets((w) => {
          w.where(this.readableEvidence(qb, `${a}.itemId`, `${a}_item`, reader, options)).andWhere(
            options.ownPending ? `(${a}.status <> 'pending' OR ${a}.uploadedBy = :${p('user')})` : `${a}.status <> 'pending'`,
          );
        });
      case 'note':
      case 'task':
        return new Brackets((w) => w.where(inJit));
      case 'comment':
        return new Brackets((w) => w.where(inJit).andWhere(this.subjectReadable(qb, `${a}.subjectType`, `${a}.subjectId`, `${a}_on`, reader)));
      case 'link':
        // A link whose other end the reader may not read is not there for them at all.
        return new Brackets((w) =>
          w
            .where(inJit)
            .andWhere(this.subjectReadable(qb, `${a}.aType`, `${a}.aId`, `${a}_a`, reader))
            .andWhere(this.subjectReadable(qb, `${a}.bType`, `${a}.bId`, `${a}_b`, reader)),
        );
      case 'upload':
        // An upload is its uploader's own until it becomes evidence.
        return new Brackets((w) => w.where(inJit).andWhere(`${a}.userId = :${p('user')}`));
      case 'audit_event':
        qb.setParameters({
          [p('chain')]: jitChain(reader.jitId),
          [p('shared')]: [...TEAM_ACTIONS, ...(reader.oversight ? OVERSIGHT_ACTIONS : [])],
          [p('party')]: reader.partyId,
          [p('partyActions')]: PARTY_ACTIONS,
        });
        return new Brackets((w) =>
          w.where(`${a}.chain = :${p('chain')}`).andWhere(
            new Brackets((audience) => {
              audience.where(`${a}.action IN (:...${p('shared')})`);
              // An empty IN () is not SQL; no action is a party's own yet.
              if (PARTY_ACTIONS.length > 0 && reader.partyId) audience.orWhere(`(${a}.action IN (:...${p('partyActions')}) AND ${a}.actorPartyId = :${p('party')})`);
            }),
          ),
        );
    }
  }

  /** `idColumn` names an evidence item the reader may read. */
  private readableEvidence<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, idColumn: string, alias: string, reader: Reader, options: ReadOptions = {}): string {
    const sub = qb.subQuery().select('1').from(EvidenceItemEntity, alias).where(`${alias}.id = ${idColumn}`);
    sub.andWhere(this.conditions(qb, 'evidence', alias, reader, options));
    return `EXISTS ${sub.getQuery()}`;
  }

  /** The work subject named by a type and an id column is one the reader may read (notes and tasks: every one of the JIT's). */
  private subjectReadable<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, typeColumn: string, idColumn: string, alias: string, reader: Reader): string {
    return `(${typeColumn} <> 'evidence' OR ${this.readableEvidence(qb, idColumn, alias, reader)})`;
  }
}
