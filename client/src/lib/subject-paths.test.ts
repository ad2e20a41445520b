import { describe, expect, it } from 'vitest';
import { subjectPath } from './subject-paths';

describe('subjectPath', () => {
  it('leads to the page of an evidence item or a note, and to the board with the task open', () => {
    expect(subjectPath('j1', { type: 'evidence', id: 'i1' })).toBe('/jits/j1/evidence/i1');
    expect(subjectPath('j1', { type: 'note', id: 'n1' })).toBe('/jits/j1/notes/n1');
    expect(subjectPath('j1', { type: 'task', id: 't1' })).toBe('/jits/j1/tasks?task=t1');
  });
});
