import type { IsoInstant } from './api';

export const NOTE_LIMITS = { titleMax: 200, bodyMax: 200_000, tagsMax: 20, tagMax: 50 } as const;

/** GET /api/jits/:jitId/notes */
export interface NoteSummary {
  id: string;
  title: string;
  tags: string[];
  revision: number;
  updatedAt: IsoInstant;
  updatedBy: string;
  updatedByName: string;
}
export interface Note extends NoteSummary {
  jitId: string;
  /** Markdown; the client renders it sanitised (no script, no event handlers, no javascript: links). */
  body: string;
  createdAt: IsoInstant;
  createdBy: string;
}
/** POST /api/jits/:jitId/notes */
export interface CreateNoteRequest {
  title: string;
  body: string;
  tags?: string[];
}
/**
 * PATCH /api/jits/:jitId/notes/:noteId. `baseRevision` is the revision the edit started from: a
 * save based on an older one is refused with 409 `stale_revision`, so no edit is ever lost.
 */
export interface UpdateNoteRequest {
  baseRevision: number;
  title?: string;
  body?: string;
  tags?: string[];
}
/** POST /api/jits/:jitId/notes/:noteId/restore: makes a new revision with an old one's content. */
export interface RestoreNoteRequest {
  revision: number;
  baseRevision: number;
}
export interface NoteRevision {
  revision: number;
  title: string;
  body: string;
  tags: string[];
  authorId: string;
  authorName: string;
  createdAt: IsoInstant;
  /** Set when this revision restored an earlier one. */
  restoredFrom: number | null;
}
