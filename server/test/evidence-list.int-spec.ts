import type { ApiError } from '@jit/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EvidenceItem, EvidenceListPage, Folder, HandlingCode } from '@jit/shared';
import { EvidenceItemEntity } from '../src/evidence';
import { buildTeam, startTestApp, type Team, type TestApp } from './harness';
import { TusClient } from './tus-client';

/**
 * The evidence list's keyset pagination: every sort order, ascending and descending, with and
 * without filters, must hand out each listed item exactly once and in the same order as one big
 * page, also when many items share a sort value (the id breaks the tie, across page boundaries).
 */
describe('evidence list pagination', () => {
  let testApp: TestApp;
  let team: Team;
  let folder: Folder;
  /** Every item the list may show (not pending), as stored. */
  let listed: EvidenceItemEntity[];
  type EvidenceSummary = EvidenceListPage['items'][number];
  const url = () => `/api/jits/${team.jit.id}/evidence`;
  const party = (country: string) => team.jit.parties.find((p) => p.country === country)?.id ?? '';

  async function share(title: string, country: string): Promise<EvidenceItem> {
    const uploadId = await new TusClient(team.member, team.jit.id).upload(randomBytes(2_000), { fileName: `${title}.bin` });
    const response = await team.member.post(url(), { uploadId, title, documentType: 'other', originatingPartyId: party(country), handlingCode: 'evidential_use_in_jit' });
    expect(response.status).toBe(201);
    return response.body as EvidenceItem;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    folder = (await team.member.post(`/api/jits/${team.jit.id}/folders`, { name: 'Paged' })).body as Folder;
    const shared = [await share('Shared first', 'NL'), await share('Shared second', 'FR')];
    // The API never gives two items the same instant, but titles and sizes repeat all the time, and
    // an import can share an instant: copies of a real item with few distinct sort values, so that
    // every sort order has long runs of ties that page boundaries fall into.
    const repository = testApp.dataSource.getRepository(EvidenceItemEntity);
    const original = await repository.findOneByOrFail({ id: shared[0].id });
    const handling: HandlingCode[] = ['evidential_use_in_jit', 'intelligence_only', 'consent_required_outside_jit'];
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    const copies: EvidenceItemEntity[] = Array.from({ length: 36 }, (_, k) => ({
      ...original,
      id: randomUUID(),
      createdAt: new Date(base + (k % 3) * 1000),
      title: ['Statement', 'statement', 'Photo'][Math.floor(k / 3) % 3],
      size: [100, 2_000][Math.floor(k / 2) % 2],
      originatingPartyId: party(k % 2 === 0 ? 'NL' : 'FR'),
      handlingCode: handling[k % 3],
      folderId: k % 4 === 0 ? folder.id : null,
      // A few failed their fixity check (still listed); two are pending (never listed).
      status: k === 5 || k === 17 ? 'integrity_failed' : k === 9 || k === 22 ? 'pending' : 'available',
    }));
    await repository.insert(copies);
    listed = await repository.find({
      where: [
        { jitId: team.jit.id, status: 'available' },
        { jitId: team.jit.id, status: 'integrity_failed' },
      ],
    });
    expect(listed).toHaveLength(2 + 34);
  }, 60_000);
  afterAll(() => testApp.close());

  /** Every page of a query, following nextCursor; fails on a page larger than asked. */
  async function allPages(query: string, limit: number): Promise<EvidenceSummary[][]> {
    const pages: EvidenceSummary[][] = [];
    let cursor: string | null = null;
    do {
      const response = await team.member.get(`${url()}?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect([query, response.status]).toEqual([query, 200]);
      const page = response.body as EvidenceListPage;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 200);
    expect(cursor).toBeNull();
    return pages;
  }

  /**
   * Sort value, then id, both in the asked direction. Titles are compared in lower case: MySQL's
   * collation ignores case and SQLite's does not, so two titles differing only in case may come in
   * either order (and their ids then interleave); everything else is exact.
   */
  function inOrder(items: EvidenceSummary[], sort: 'createdAt' | 'title' | 'size', order: 'asc' | 'desc'): boolean {
    const sign = order === 'asc' ? 1 : -1;
    const key = (item: EvidenceSummary): string | number => (sort === 'createdAt' ? Date.parse(item.createdAt) : sort === 'size' ? item.size : item.title.toLowerCase());
    return items.every((item, i) => {
      if (i === 0) return true;
      const [a, b] = [key(items[i - 1]), key(item)];
      if (a !== b) return (a < b ? 1 : -1) === sign;
      if (sort === 'title' && items[i - 1].title !== item.title) return true;
      return (items[i - 1].id < item.id ? 1 : -1) === sign;
    });
  }

  const orders = [
    ['createdAt', 'desc'],
    ['createdAt', 'asc'],
    ['title', 'asc'],
    ['title', 'desc'],
    ['size', 'desc'],
    ['size', 'asc'],
  ] as const;

  it.each(orders)('pages sorted by %s %s: every item once, in order, ties split across pages', async (sort, order) => {
    const query = `&sort=${sort}&order=${order}`;
    const [everything] = await allPages(query, 200);
    expect(everything.map((i) => i.id).sort()).toEqual(listed.map((i) => i.id).sort());
    expect(inOrder(everything, sort, order)).toBe(true);
    for (const limit of [1, 2, 5, 7]) {
      const pages = await allPages(query, limit);
      expect([limit, pages.flat().map((i) => i.id)]).toEqual([limit, everything.map((i) => i.id)]);
    }
  });

  const filters: Array<[string, string, (item: EvidenceItemEntity) => boolean]> = [
    ['party', 'partyId=NL', (i) => i.originatingPartyId === party('NL')],
    ['handling code', 'handlingCode=intelligence_only', (i) => i.handlingCode === 'intelligence_only'],
    ['party and handling code', 'partyId=FR&handlingCode=evidential_use_in_jit', (i) => i.originatingPartyId === party('FR') && i.handlingCode === 'evidential_use_in_jit'],
    ['folder', 'folderId=FOLDER', (i) => i.folderId === folder.id],
    ['status', 'status=integrity_failed', (i) => i.status === 'integrity_failed'],
  ];

  it.each(filters)('pages a list filtered by %s the same way, in every sort order', async (_, filter, matches) => {
    const expected = listed
      .filter(matches)
      .map((i) => i.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    const concrete = filter.replace('NL', party('NL')).replace('FR', party('FR')).replace('FOLDER', folder.id);
    for (const [sort, order] of orders) {
      const query = `&${concrete}&sort=${sort}&order=${order}`;
      const [everything] = await allPages(query, 200);
      expect([query, everything.map((i) => i.id).sort()]).toEqual([query, expected]);
      expect([query, inOrder(everything, sort, order)]).toEqual([query, true]);
      const pages = await allPages(query, 2);
      expect([query, pages.flat().map((i) => i.id)]).toEqual([query, everything.map((i) => i.id)]);
    }
  });

  it('refuses a cursor that is malformed or made for another sort order with 400 naming the field', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const firstBySize = (await team.member.get(`${url()}?limit=1&sort=size`)).body as EvidenceListPage;
    const cases = [
      'cursor=not-a-cursor',
      `cursor=${forged(null)}`,
      `cursor=${forged({ v: '2026-03-01T10:00:00.000Z', id: "' OR 1=1 --" })}`,
      `cursor=${forged({ v: 'not a date', id: randomUUID() })}`,
      `cursor=${forged({ v: 12, id: randomUUID() })}&sort=title`,
      `cursor=${forged({ v: 1.5, id: randomUUID() })}&sort=size`,
      `cursor=${encodeURIComponent(firstBySize.nextCursor ?? '')}&sort=createdAt`,
    ];
    for (const query of cases) {
      const response = await team.member.get(`${url()}?${query}`);
      expect([query, response.status, (response.body as ApiError).details]).toEqual([query, 400, [{ field: 'cursor', code: 'invalid_value' }]]);
    }
  });
});
