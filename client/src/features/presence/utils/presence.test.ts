import type { PresenceEntry } from '@jit/shared';
import { describe, expect, it } from 'vitest';
import { othersOnNote } from './presence';

const online: PresenceEntry[] = [
  { userId: 'u1', displayName: 'Anna de Vries', notes: [{ noteId: 'n1', editing: true }] },
  {
    userId: 'u2',
    displayName: 'Lucía Fernández',
    notes: [
      { noteId: 'n1', editing: false },
      { noteId: 'n1', editing: true },
    ],
  },
  { userId: 'u3', displayName: 'Hugo Lambert', notes: [{ noteId: 'n1', editing: false }] },
  { userId: 'u4', displayName: 'Sanne Visser', notes: [{ noteId: 'n2', editing: true }] },
  { userId: 'u5', displayName: 'Jan Jansen', notes: [] },
];

describe('othersOnNote', () => {
  it('lists the others who have the note open, editing if they do in any tab, and never me', () => {
    expect(othersOnNote(online, 'n1', 'u1')).toEqual([
      { userId: 'u2', displayName: 'Lucía Fernández', editing: true },
      { userId: 'u3', displayName: 'Hugo Lambert', editing: false },
    ]);
    expect(othersOnNote(online, 'n3', 'u1')).toEqual([]);
  });
});
