import { describe, expect, it } from 'vitest';
import { applyTicks, doneCount } from './checklist';

const checklist = [
  { text: 'Request the manifests', done: false },
  { text: 'Call the port authority', done: true },
];

describe('applyTicks', () => {
  it('applies the ticks in order without touching the checklist it was given', () => {
    const ticked = applyTicks(checklist, [
      { index: 0, text: 'Request the manifests', done: true },
      { index: 1, text: 'Call the port authority', done: false },
      { index: 0, text: 'Request the manifests', done: false },
    ]);
    expect(ticked).toEqual([
      { text: 'Request the manifests', done: false },
      { text: 'Call the port authority', done: false },
    ]);
    expect(checklist[1].done).toBe(true);
  });

  it('leaves out a tick whose item has moved, changed or gone', () => {
    const ticks = [
      { index: 1, text: 'Request the manifests', done: true },
      { index: 5, text: 'Gone', done: true },
    ];
    expect(applyTicks(checklist, ticks)).toEqual(checklist);
  });
});

describe('doneCount', () => {
  it('counts the items done', () => {
    expect(doneCount(checklist)).toBe(1);
    expect(doneCount([])).toBe(0);
  });
});
