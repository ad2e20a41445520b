import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { isUuid, type EvidenceListPage, type EvidenceSortField } from '@jit/shared';
import { ReadAccessService, type JitAccess } from '../../access';
import { decodeCursor, encodeCursor } from '../../common';
import { readThroughIndex } from '../../database';
import { displayNames } from '../../people';
import { toEvidenceSummary } from '../items/evidence.presenter';
import { EVIDENCE_LIST_INDEXES, EvidenceItemEntity } from '../items/evidence-item.entity';
import type { EvidenceListQueryDto } from './evidence-list.dto';

/** The last item of a page, by its sort value and id: the next page starts after it. */
interface Cursor {
  v: string | number;
  id: string;
}

/** A cursor's value as the database compares it; a value of another sort's type is refused. */
const acceptCursor =
  (sort: EvidenceSortField) =>
  (cursor: Record<string, unknown>): { v: Date | string | number; id: string } | null => {
    if (!isUuid(cursor.id)) return null;
    if (sort === 'createdAt' && typeof cursor.v === 'string' && !Number.isNaN(Date.parse(cursor.v))) return { v: new Date(cursor.v), id: cursor.id };
    if (sort === 'title' && typeof cursor.v === 'string') return { v: cursor.v, id: cursor.id };
    if (sort === 'size' && Number.isSafeInteger(cursor.v)) return { v: cursor.v as number, id: cursor.id };
    return null;
  };

/**
 * The index a page after a cursor is read through on MariaDB/MySQL: one that the filters fix a
 * prefix of and that ends in the sort key and id, so the page is a range starting at the cursor.
 */
function listIndex(sort: EvidenceSortField, query: EvidenceListQueryDto): string | null {
  if (sort === 'createdAt') {
    if (query.folderId) return EVIDENCE_LIST_INDEXES.folder;
    if (query.partyId) return EVIDENCE_LIST_INDEXES.party;
    if (query.handlingCode) return EVIDENCE_LIST_INDEXES.handlingCode;
    return EVIDENCE_LIST_INDEXES.createdAt;
  }
  // No index holds a folder and a title or size. A folder is usually small, so its rows sorted
  // (the optimizer's own choice) beat a walk along the JIT's whole title or size index; a party or
  // handling code is a large share of the items, so the walk finds a page after a few pages' rows.
  if (query.folderId) return null;
  return EVIDENCE_LIST_INDEXES[sort];
}

/**
 * The evidence list: a read of `evidence_items` (owned by items/, which declares the indexes a page
 * is read through). It writes nothing.
 */
@Injectable()
export class EvidenceListService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly readAccess: ReadAccessService,
  ) {}

  /**
   * Keyset pagination in (sort key, id) order: stable, and as fast on the thousandth page as on the
   * first, because a page after a cursor is an index range that starts at the cursor.
   */
  async list(access: JitAccess, query: EvidenceListQueryDto): Promise<EvidenceListPage> {
    const sort = query.sort ?? 'createdAt';
    const order = query.order ?? 'desc';
    const limit = query.limit ?? 50;
    const direction = order === 'desc' ? 'DESC' : 'ASC';
    const qb = this.filteredList(access, query).orderBy(`i.${sort}`, direction).addOrderBy('i.id', direction);
    let rows: EvidenceItemEntity[];
    if (!query.cursor) {
      rows = await qb.take(limit + 1).getMany();
    } else {
      const cursor = decodeCursor(query.cursor, acceptCursor(sort));
      const op = order === 'desc' ? '<' : '>';
      const params = { cursorValue: cursor.v, cursorId: cursor.id };
      if (this.dataSource.options.type === 'better-sqlite3') {
        // SQLite seeks straight to a row value in an index over (…, sort key, id).
        rows = await qb
          .andWhere(`(i.${sort}, i.id) ${op} (:cursorValue, :cursorId)`, params)
          .take(limit + 1)
          .getMany();
      } else {
        // MariaDB/MySQL make no range of a row value, but do of this OR: two intervals of the index,
        // the rest of the cursor's sort value and the values after it.
        qb.andWhere(`(i.${sort} ${op} :cursorValue OR (i.${sort} = :cursorValue AND i.id ${op} :cursorId))`, params);
        rows = await readThroughIndex(EvidenceItemEntity, qb, listIndex(sort, query), limit + 1);
      }
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const names = await displayNames(
      this.dataSource.manager,
      page.map((i) => i.createdBy),
    );
    const sortValue = (item: EvidenceItemEntity): string | number => (sort === 'createdAt' ? item.createdAt.toISOString() : sort === 'size' ? (item.size ?? 0) : item.title);
    return {
      items: page.map((i) => toEvidenceSummary(i, names)),
      nextCursor: rows.length > limit && last ? encodeCursor({ v: sortValue(last), id: last.id } satisfies Cursor) : null,
    };
  }

  /** The listed items of the JIT with the query's filters, unordered. */
  private filteredList(access: JitAccess, query: EvidenceListQueryDto): SelectQueryBuilder<EvidenceItemEntity> {
    const qb = this.readAccess.scope(this.dataSource.getRepository(EvidenceItemEntity).createQueryBuilder('i'), 'evidence', 'i', this.readAccess.reader(access));
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.folderId) qb.andWhere('i.folderId = :folderId', { folderId: query.folderId });
    if (query.partyId) qb.andWhere('i.originatingPartyId = :partyId', { partyId: query.partyId });
    if (query.documentType) qb.andWhere('i.documentType = :documentType', { documentType: query.documentType });
    if (query.handlingCode) qb.andWhere('i.handlingCode = :handlingCode', { handlingCode: query.handlingCode });
    if (query.uploadedBy) qb.andWhere('i.createdBy = :uploadedBy', { uploadedBy: query.uploadedBy });
    if (query.obtainedFrom) qb.andWhere('i.obtainedAt >= :from', { from: new Date(`${query.obtainedFrom}T00:00:00.000Z`) });
    if (query.obtainedTo) qb.andWhere('i.obtainedAt <= :to', { to: new Date(`${query.obtainedTo}T23:59:59.999Z`) });
    if (query.q) qb.andWhere('LOWER(i.title) LIKE :q', { q: `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    return qb;
  }
}
