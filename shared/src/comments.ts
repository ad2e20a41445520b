import type { IsoInstant } from './api';

import { WORK_SUBJECT_TYPES, type WorkSubjectType } from './links';

/** What a comment can be about. */
export const COMMENT_SUBJECT_TYPES = WORK_SUBJECT_TYPES;
export type CommentSubjectType = WorkSubjectType;

export const COMMENT_LIMITS = { bodyMax: 10_000, mentionsMax: 30 } as const;

export interface Comment {
  id: string;
  jitId: string;
  subjectType: CommentSubjectType;
  subjectId: string;
  /** Markdown; rendered sanitised by the client. */
  body: string;
  /** Memberships mentioned (@name): the people to notify. */
  mentions: string[];
  authorId: string;
  authorName: string;
  authorPartyId: string;
  createdAt: IsoInstant;
}
/** POST /api/jits/:jitId/comments */
export interface CreateCommentRequest {
  subjectType: CommentSubjectType;
  subjectId: string;
  body: string;
  mentions?: string[];
}
/** GET /api/jits/:jitId/comments?subjectType=&subjectId= */
export interface CommentListQuery {
  subjectType: CommentSubjectType;
  subjectId: string;
}
