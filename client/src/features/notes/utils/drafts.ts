/**
 * A local copy of what is being typed in the note editor, per person, JIT and note, so that a reload
 * or a crash loses nothing. It is kept until the note is saved (or the draft is discarded).
 */
export interface NoteContent {
  title: string;
  body: string;
  tags: string[];
}

export interface NoteDraft extends NoteContent {
  /** The revision the editing started from (null for a note not created yet). */
  baseRevision: number | null;
  savedAt: string;
}

export const draftKey = (userId: string, jitId: string, noteId: string | null): string => `jit.noteDraft.${userId}.${jitId}.${noteId ?? 'new'}`;

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function isDraft(value: unknown): value is NoteDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.title === 'string' &&
    typeof draft.body === 'string' &&
    isStringArray(draft.tags) &&
    (draft.baseRevision === null || (typeof draft.baseRevision === 'number' && Number.isInteger(draft.baseRevision))) &&
    typeof draft.savedAt === 'string'
  );
}

export function readDraft(key: string): NoteDraft | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

/** Best effort: a full or disabled storage must not break the editor. */
export function writeDraft(key: string, content: NoteContent, baseRevision: number | null): void {
  try {
    const draft: NoteDraft = { ...content, baseRevision, savedAt: new Date().toISOString() };
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // ignore
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

export const sameContent = (a: NoteContent, b: NoteContent): boolean =>
  a.title === b.title && a.body === b.body && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
