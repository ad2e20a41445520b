import type { ApiError } from '@jit/shared';
import type { AuditPage, Note, NoteRevision, NoteSummary } from '@jit/shared';
import { buildTeam, headSeq, startTestApp, type Team, type TestApp } from './harness';

describe('notes', () => {
  let testApp: TestApp;
  let team: Team;
  let url: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    url = `/api/jits/${team.jit.id}/notes`;
  });
  afterAll(() => testApp.close());

  it('keeps every save as a revision and refuses a save based on an old one: no edit is lost', async () => {
    const created = (await team.member.post(url, { title: 'Interview plan W-12', body: '# Plan\n- ask about the convoy', tags: ['witness'] })).body as Note;
    expect(created).toMatchObject({ revision: 1, title: 'Interview plan W-12', tags: ['witness'] });

    // Two people open revision 1; the first save wins, the second is refused, not merged silently.
    const first = await team.legalAdviser.patch(`${url}/${created.id}`, { baseRevision: 1, body: '# Plan\n- ask about the convoy\n- legal caution first' });
    expect([first.status, (first.body as Note).revision]).toEqual([200, 2]);
    const second = await team.otherLeader.patch(`${url}/${created.id}`, { baseRevision: 1, body: '# Plan\n- something else' });
    expect([second.status, (second.body as ApiError).error]).toEqual([409, 'stale_revision']);
    expect(((await team.member.get(`${url}/${created.id}`)).body as Note).body).toContain('legal caution first');

    const revisions = (await team.observer.get(`${url}/${created.id}/revisions`)).body as NoteRevision[];
    expect(revisions.map((r) => [r.revision, r.authorName])).toEqual([
      [1, 'Investigator'],
      [2, 'Legal Adviser'],
    ]);
  });

  it('restores an old revision as a new one, never rewriting history, and records each save', async () => {
    const note = (await team.member.post(url, { title: 'Timeline', body: 'v1' })).body as Note;
    await team.member.patch(`${url}/${note.id}`, { baseRevision: 1, body: 'v2' });
    const restored = await team.member.post(`${url}/${note.id}/restore`, { revision: 1, baseRevision: 2 });
    expect([restored.status, (restored.body as Note).revision, (restored.body as Note).body]).toEqual([201, 3, 'v1']);
    const revisions = (await team.member.get(`${url}/${note.id}/revisions`)).body as NoteRevision[];
    expect(revisions.map((r) => [r.revision, r.body, r.restoredFrom])).toEqual([
      [1, 'v1', null],
      [2, 'v2', null],
      [3, 'v1', 1],
    ]);
    const events = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?limit=500`)).body as AuditPage;
    const mine = events.items.filter((e) => e.subjectId === note.id);
    expect(mine.map((e) => e.action)).toEqual(['note.created', 'note.updated', 'note.restored']);
    // The record proves what changed by digest; the note's text is not copied into it.
    expect(JSON.stringify(mine)).not.toContain('"v2"');
  });

  it('lists notes for members, refuses writes to observers and everything to outsiders', async () => {
    const list = (await team.observer.get(url)).body as NoteSummary[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const refused = await team.observer.post(url, { title: 'x', body: 'y' });
    expect([refused.status, (refused.body as ApiError).permission]).toEqual([403, 'notes.write']);
    expect((await team.outsider.get(url)).status).toBe(404);
    expect((await team.outsider.get(`${url}/${list[0].id}`)).status).toBe(404);
  });

  it('refuses bad input with field codes, writing nothing', async () => {
    const note = (await team.member.post(url, { title: 'Stable', body: 'text' })).body as Note;
    const before = await headSeq(testApp, `jit:${team.jit.id}`);
    const cases: Array<[string, string, unknown, string]> = [
      ['post', url, { body: 'no title' }, 'title'],
      ['post', url, { title: 'x'.repeat(201), body: '' }, 'title'],
      ['post', url, { title: 't', body: 5 }, 'body'],
      ['post', url, { title: 't', body: '', tags: 'one' }, 'tags'],
      ['post', url, { title: 't', body: '', unknown: true }, 'unknown'],
      ['patch', `${url}/${note.id}`, { body: 'no base' }, 'baseRevision'],
      ['patch', `${url}/${note.id}`, { baseRevision: 1, title: null }, 'title'],
      ['post', `${url}/${note.id}/restore`, { revision: 'one', baseRevision: 1 }, 'revision'],
    ];
    for (const [method, target, body, field] of cases) {
      const response = method === 'post' ? await team.member.post(target, body) : await team.member.patch(target, body);
      expect([target, response.status, ((response.body as ApiError).details as Array<{ field: string }>)?.some((d) => d.field === field)]).toEqual([target, 400, true]);
    }
    expect(await headSeq(testApp, `jit:${team.jit.id}`)).toBe(before);
  });
});
