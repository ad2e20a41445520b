import type { PresenceEntry } from '@jit/shared';

export interface PersonOnNote {
  userId: string;
  displayName: string;
  /** In at least one of their tabs. */
  editing: boolean;
}

/** The other people who have a note open (in any of their tabs), and whether they edit it. */
export function othersOnNote(online: readonly PresenceEntry[], noteId: string, myUserId: string): PersonOnNote[] {
  return online.flatMap((entry) => {
    if (entry.userId === myUserId) return [];
    const tabs = entry.notes.filter((note) => note.noteId === noteId);
    return tabs.length > 0 ? [{ userId: entry.userId, displayName: entry.displayName, editing: tabs.some((tab) => tab.editing) }] : [];
  });
}
