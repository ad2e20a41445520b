import type { AuditPage, Task } from '@jit/shared';
import { buildTeam, headSeq, startTestApp, type Team, type TestApp } from './harness';

describe('tasks', () => {
  let testApp: TestApp;
  let team: Team;
  let url: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    url = `/api/jits/${team.jit.id}/tasks`;
  });
  afterAll(() => testApp.close());

  const newTask = async (title: string, assigneeMemberId: string | null = null) => {
    const response = await team.leadLeader.post(url, { title, assigneeMemberId, dueDate: '2020-01-01', priority: 'high', checklist: [{ text: 'call the witness', done: false }] });
    expect(response.status).toBe(201);
    return response.body as Task;
  };

  it('lets leaders create and assign, and shows the task to everyone in the JIT', async () => {
    const task = await newTask('Interview witness W', team.memberships.member.id);
    expect(task).toMatchObject({ status: 'todo', assigneeName: 'Investigator', assigningPartyId: team.memberships.leadLeader.partyId, overdue: true });
    const refused = await team.member.post(url, { title: 'Not mine to create' });
    expect([refused.status, refused.body.permission]).toEqual([403, 'tasks.manage']);
    expect(((await team.observer.get(url)).body as Task[]).map((t) => t.id)).toContain(task.id);
    expect((await team.outsider.get(url)).status).toBe(404);
    const mine = (await team.member.get('/api/tasks/mine')).body as Task[];
    expect(mine.map((t) => t.id)).toEqual([task.id]);
  });

  it('lets the assignee and leaders move a task, keeping the order of the columns; no one else', async () => {
    const a = await newTask('A', team.memberships.member.id);
    const b = await newTask('B');
    const moved = await team.member.post(`${url}/${a.id}/move`, { status: 'in_progress', position: 0 });
    expect([moved.status, (moved.body as Task).status]).toEqual([200, 'in_progress']);
    const other = await team.legalAdviser.post(`${url}/${a.id}/move`, { status: 'done', position: 0 });
    expect([other.status, other.body.permission]).toEqual([403, 'tasks.move']);
    // Refused before the body is read: a non-assignee learns nothing more from a bad body.
    expect((await team.legalAdviser.post(`${url}/${a.id}/move`, { status: 'nonsense' })).status).toBe(403);
    expect((await team.leadLeader.post(`${url}/${b.id}/move`, { status: 'in_progress', position: 0 })).status).toBe(200);
    const column = ((await team.member.get(`${url}?status=in_progress`)).body as Task[]).map((t) => [t.title, t.position]);
    expect(column).toEqual([
      ['B', 0],
      ['A', 1],
    ]);
    const events = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?action=task.moved`)).body as AuditPage;
    expect(events.items.map((e) => e.changes.find((c) => c.field === 'status')?.to)).toEqual(['in_progress', 'in_progress']);
  });

  it('filters by assignee, party, status and overdue', async () => {
    const fr = team.jit.parties.find((p) => p.country === 'FR');
    const frTask = await newTask('For the French leader', team.memberships.otherLeader.id);
    const byParty = (await team.member.get(`${url}?partyId=${fr?.id}`)).body as Task[];
    expect(byParty.map((t) => t.id)).toEqual([frTask.id]);
    const byAssignee = (await team.member.get(`${url}?assigneeMemberId=${team.memberships.otherLeader.id}`)).body as Task[];
    expect(byAssignee.map((t) => t.id)).toEqual([frTask.id]);
    const overdue = (await team.member.get(`${url}?overdue=true`)).body as Task[];
    expect(overdue.every((t) => t.overdue)).toBe(true);
  });

  it('refuses bad input with field codes, writing nothing', async () => {
    const task = await newTask('Stable');
    const before = await headSeq(testApp, `jit:${team.jit.id}`);
    const cases: Array<[string, string, unknown, string]> = [
      ['post', url, { description: 'no title' }, 'title'],
      ['post', url, { title: 't', priority: 'whenever' }, 'priority'],
      ['post', url, { title: 't', dueDate: '2026-02-30' }, 'dueDate'],
      ['post', url, { title: 't', assigneeMemberId: '00000000-0000-4000-8000-000000000000' }, 'assigneeMemberId'],
      ['post', url, { title: 't', checklist: [{ text: '', done: false }] }, 'checklist.0.text'],
      ['patch', `${url}/${task.id}`, { title: null }, 'title'],
      ['post', `${url}/${task.id}/move`, { status: 'done', position: -1 }, 'position'],
    ];
    for (const [method, target, body, field] of cases) {
      const response = method === 'post' ? await team.leadLeader.post(target, body) : await team.leadLeader.patch(target, body);
      expect([target, field, response.status, (response.body.details as Array<{ field: string }>)?.some((d) => d.field === field)]).toEqual([target, field, 400, true]);
    }
    expect(await headSeq(testApp, `jit:${team.jit.id}`)).toBe(before);
  });
});
