import type { ApiError } from '@jit/shared';
import type { AuditPage, Comment, Note } from '@jit/shared';
import { buildTeam, headSeq, startTestApp, type Team, type TestApp } from './harness';

describe('comments', () => {
  let testApp: TestApp;
  let team: Team;
  let url: string;
  let note: Note;
  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    url = `/api/jits/${team.jit.id}/comments`;
    note = (await team.member.post(`/api/jits/${team.jit.id}/notes`, { title: 'Plan', body: 'text' })).body as Note;
  });
  afterAll(() => testApp.close());

  it('lets everyone in the JIT comment and mention members, and records it against the subject', async () => {
    const response = await team.observer.post(url, { subjectType: 'note', subjectId: note.id, body: 'Seen, @Investigator please check', mentions: [team.memberships.member.id] });
    expect(response.status).toBe(201);
    expect(response.body as Comment).toMatchObject({ authorName: 'Observer', mentions: [team.memberships.member.id] });
    const list = (await team.otherLeader.get(`${url}?subjectType=note&subjectId=${note.id}`)).body as Comment[];
    expect(list.map((c) => c.body)).toEqual(['Seen, @Investigator please check']);
    const events = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?action=comment.added`)).body as AuditPage;
    expect(events.items.at(-1)).toMatchObject({ subjectType: 'note', subjectId: note.id });
  });

  it('hides everything from outsiders and refuses subjects of other JITs or that do not exist', async () => {
    expect((await team.outsider.get(`${url}?subjectType=note&subjectId=${note.id}`)).status).toBe(404);
    const before = await headSeq(testApp, `jit:${team.jit.id}`);
    const cases: Array<[unknown, string]> = [
      [{ subjectType: 'note', subjectId: '00000000-0000-4000-8000-000000000000', body: 'x' }, 'subjectId'],
      [{ subjectType: 'evidence', subjectId: note.id, body: 'x' }, 'subjectId'],
      [{ subjectType: 'meeting', subjectId: note.id, body: 'x' }, 'subjectType'],
      [{ subjectType: 'note', subjectId: note.id, body: '' }, 'body'],
      [{ subjectType: 'note', subjectId: note.id, body: 'x', mentions: ['00000000-0000-4000-8000-000000000000'] }, 'mentions'],
      [{ subjectType: 'note', subjectId: note.id, body: 'x', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await team.member.post(url, body);
      expect([field, response.status, ((response.body as ApiError).details as Array<{ field: string }>)?.some((d) => d.field === field)]).toEqual([field, 400, true]);
    }
    expect(await headSeq(testApp, `jit:${team.jit.id}`)).toBe(before);
  });
});
