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

type Tree = { [key: string]: string | Tree };
// Every file in this folder, so a language added as one JSON file is checked without a change here.
const files = import.meta.glob<Tree>('./*.json', { eager: true, import: 'default' });
const locales: Record<string, Tree> = Object.fromEntries(Object.entries(files).map(([path, tree]) => [path.slice(2, -5), tree]));

/** i18next's plural suffixes: a key `x` is written `x_one`, `x_few`, … as each language's plural rules need. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Leaf paths and their text; `_meta` (the review status of a translation) is no interface text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (!prefix && key === '_meta') continue;
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

  // A key is a plural form only beside its `_other`: field error codes such as `too_many` are not.
  const baseKeyIn = (entries: Map<string, string>) => (key: string) => {
    const base = key.replace(PLURAL_SUFFIX, '');
    return base !== key && entries.has(`${base}_other`) ? base : key;
  };
  const baseKeys = Object.fromEntries(Object.entries(flat).map(([language, entries]) => [language, new Set([...entries.keys()].map(baseKeyIn(entries)))]));

  it.each(Object.keys(locales))('%s has exactly the keys of every other language, plural forms aside', (language) => {
    for (const other of Object.keys(locales)) {
      const missing = [...baseKeys[other]].filter((key) => !baseKeys[language].has(key));
      expect(missing, `keys in ${other} missing from ${language}`).toEqual([]);
    }
  });

  it.each(Object.keys(locales))('%s writes every counted sentence in each plural form its language has', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const counted = new Set([...flat[language].keys()].filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length)));
    expect(counted.size).toBeGreaterThan(0);
    const missing = [...counted].flatMap((key) => categories.filter((category) => !flat[language].has(`${key}_${category}`)).map((category) => `${key}_${category}`));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(locales))('%s says whether a native speaker has reviewed it', (language) => {
    const meta = locales[language]._meta;
    // English is the source; a translation without _meta has been reviewed, one with it says so.
    if (meta === undefined) return;
    expect(typeof meta === 'object' && meta.status).toMatch(/^(awaiting-review|reviewed)$/);
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

  it('is not a copy of English in any other language', () => {
    for (const language of Object.keys(locales).filter((code) => code !== 'en')) {
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
    expect([...used].filter((key) => !baseKeys.en.has(key))).toEqual([]);
  });
});
