import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  CLASSIFICATIONS,
  DOCUMENT_TYPES,
  ERROR_CODES,
  EVIDENCE_SORT_FIELDS,
  EVIDENCE_STATUSES,
  FIELD_ERROR_CODES,
  HANDLING_CODES,
  JIT_ROLES,
  JIT_STATUSES,
  LANGUAGES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  PARTY_KINDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  VERSION_KINDS,
} from '@jit/shared';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };
const locales: Record<string, Tree> = { en, fr, es };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Keys are looked up as nested paths, so "auditActions.jit.created" must be read with the group apart.
const groupHas = (tree: Tree, group: string, key: string): boolean => {
  const node = tree[group];
  return typeof node === 'object' && typeof node[key] === 'string' && node[key].length > 0;
};

const flat = Object.fromEntries(Object.entries(locales).map(([language, tree]) => [language, flatten(tree)]));

describe('locales', () => {
  it('has a file for every interface language', () => {
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(Object.keys(locales))('%s has exactly the keys of every other language', (language) => {
    for (const other of Object.keys(locales)) {
      const missing = [...flat[other].keys()].filter((key) => !flat[language].has(key));
      expect(missing, `keys in ${other} missing from ${language}`).toEqual([]);
    }
  });

  it.each(Object.keys(locales))('%s has no empty translation', (language) => {
    const empty = [...flat[language].entries()].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  const groups: [string, readonly string[]][] = [
    ['errors', ERROR_CODES],
    ['fieldErrors', FIELD_ERROR_CODES],
    ['auditActions', AUDIT_ACTIONS],
    ['subjectTypes', AUDIT_SUBJECT_TYPES],
    ['roles', JIT_ROLES],
    ['statuses', JIT_STATUSES],
    ['partyKinds', PARTY_KINDS],
    ['languages', LANGUAGES],
    ['handlingCodes', HANDLING_CODES],
    ['documentTypes', DOCUMENT_TYPES],
    ['classifications', CLASSIFICATIONS],
    ['versionKinds', VERSION_KINDS],
    ['evidenceStatuses', EVIDENCE_STATUSES],
    ['taskStatuses', TASK_STATUSES],
    ['taskPriorities', TASK_PRIORITIES],
    // A notification kind needs its sentence (the bell, the toast) and its name (the preferences).
    ['notificationSentences', NOTIFICATION_KINDS],
    ['notificationKinds', NOTIFICATION_KINDS],
    ['notificationChannels', NOTIFICATION_CHANNELS],
  ];
  it.each(Object.keys(locales))('%s translates every code of the contract', (language) => {
    const missing = groups.flatMap(([group, codes]) => codes.filter((code) => !groupHas(locales[language], group, code)).map((code) => `${group}.${code}`));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(locales))('%s names every phase of an upload and every sort field of the evidence list', (language) => {
    const tree = locales[language];
    const evidence = tree.evidence as Tree;
    const phases = ['starting', 'uploading', 'paused', 'complete', 'failed', 'cancelled'];
    expect(phases.filter((phase) => !groupHas(evidence.upload as Tree, 'phases', phase))).toEqual([]);
    expect(EVIDENCE_SORT_FIELDS.filter((field) => !groupHas(evidence.list as Tree, 'sort', field))).toEqual([]);
  });

  it('is not a copy of English in French or Spanish', () => {
    for (const language of ['fr', 'es']) {
      const same = [...flat.en.entries()].filter(([key, value]) => flat[language].get(key) === value).length;
      // Language names and a few shared words ("Action", "Session") may coincide; most must differ.
      expect(same / flat.en.size).toBeLessThan(0.1);
    }
  });

  it('defines every literal key the source code asks for', () => {
    // Vite reads the sources for us, so the test needs no Node file APIs.
    const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z_.]+\.[a-zA-Z_.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !flat.en.has(key))).toEqual([]);
  });
});
