import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid, type WorkSubjectRef, type WorkSubjectSummary, type WorkSubjectType } from '@jit/shared';
import { invalid } from '../common/app-error';
import { EvidenceItemRecord } from '../evidence/entities';
import { NoteRecord } from '../notes/note.entity';
import { TaskRecord } from '../tasks/task.entity';


/** An evidence item is readable once its bytes are in and hashed; a pending one belongs to its uploader alone. */
const READABLE_EVIDENCE = ['available', 'integrity_failed'];

export const subjectKey = (ref: WorkSubjectRef): string => `${ref.type}:${ref.id}`;

/**
 * The evidence items, notes and tasks members work on, as comments, links and notifications refer
 * to them. This is the one place that answers "may a member of this JIT read that subject, and
 * what is its title": when items restricted to a party arrive, the rule narrows here and every
 * link, comment and notification follows.
 */
@Injectable()
export class WorkSubjectsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The readable subjects among `refs`, by `subjectKey`; the others are simply absent. */
  async summaries(jitId: string, refs: readonly WorkSubjectRef[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, WorkSubjectSummary>> {
    const found = new Map<string, WorkSubjectSummary>();
    const idsOf = (type: WorkSubjectType) => [...new Set(refs.filter((r) => r.type === type && isUuid(r.id)).map((r) => r.id))];
    const add = (type: WorkSubjectType, rows: { id: string; title: string }[]) => rows.forEach((row) => found.set(subjectKey({ type, id: row.id }), { type, id: row.id, title: row.title }));
    const select = { id: true, title: true } as const;
    const evidence = idsOf('evidence');
    if (evidence.length) add('evidence', await manager.getRepository(EvidenceItemRecord).find({ select, where: { jitId, id: In(evidence), status: In(READABLE_EVIDENCE) } }));
    const notes = idsOf('note');
    if (notes.length) add('note', await manager.getRepository(NoteRecord).find({ select, where: { jitId, id: In(notes) } }));
    const tasks = idsOf('task');
    if (tasks.length) add('task', await manager.getRepository(TaskRecord).find({ select, where: { jitId, id: In(tasks) } }));
    return found;
  }

  /** Refuses (400 on `field`) a subject that is not a readable evidence item, note or task of this JIT. */
  async requireReadable(manager: EntityManager, jitId: string, ref: WorkSubjectRef, field: string): Promise<WorkSubjectSummary> {
    const summary = (await this.summaries(jitId, [ref], manager)).get(subjectKey(ref));
    if (!summary) throw invalid([{ field, code: 'invalid_value' }], 'Choose an evidence item, note or task of this JIT that you may read.');
    return summary;
  }
}
