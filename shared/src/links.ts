import type { IsoInstant } from './api';

/** What members work on and can comment on, link and be notified about. */
export const WORK_SUBJECT_TYPES = ['evidence', 'note', 'task'] as const;
export type WorkSubjectType = (typeof WORK_SUBJECT_TYPES)[number];

export interface WorkSubjectRef {
  type: WorkSubjectType;
  id: string;
}

/** A work subject as a reader sees it: its title is given only to those who may read it. */
export interface WorkSubjectSummary extends WorkSubjectRef {
  title: string;
}

/**
 * A link between two work subjects of one JIT (a task "interview witness W" and the statement).
 * Links have no direction: both ends list it, each showing the other end.
 */
export interface Link {
  id: string;
  jitId: string;
  /** The end that is not the subject asked about. */
  other: WorkSubjectSummary;
  createdBy: string;
  createdByName: string;
  createdAt: IsoInstant;
}

/** GET /api/jits/:jitId/links?subjectType=&subjectId= */
export interface LinkListQuery {
  subjectType: WorkSubjectType;
  subjectId: string;
}

/** POST /api/jits/:jitId/links: answers with the link as the `from` end sees it. */
export interface CreateLinkRequest {
  fromType: WorkSubjectType;
  fromId: string;
  toType: WorkSubjectType;
  toId: string;
}
