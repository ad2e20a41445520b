import { randomUUID } from 'node:crypto';
import { jitChain, LIMITS, TASK_LIMITS, type ApiError, type AuditPage, type ChecklistItem, type Task, type TaskListPage } from '@jit/shared';
import { TaskEntity } from '../src/tasks/task.entity';
import { addMember, buildTeam, createJit, headSeq, startTestApp, type ApiClient, type Team, type TestApp } from './harness';

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

  /** One page of the list (the route pages; the first page holds every task these tests create). */
  const list = async (client: ApiClient, query = ''): Promise<Task[]> => {
    const response = await client.get(`${url}${query}`);
    expect(response.status).toBe(200);
    return (response.body as TaskListPage).items;
  };

  const newTask = async (title: string, assigneeMemberId: string | null = null) => {
    const response = await team.leadLeader.post(url, { title, assigneeMemberId, dueDate: '2020-01-01', priority: 'high', checklist: [{ text: 'call the witness', done: false }] });
    expect(response.status).toBe(201);
    return response.body as Task;
  };

  it('lets leaders create and assign, and shows the task to everyone in the JIT', async () => {
    const task = await newTask('Interview witness W', team.memberships.member.id);
    expect(task).toMatchObject({ status: 'todo', assigneeName: 'Investigator', assigningPartyId: team.memberships.leadLeader.partyId, overdue: true });
    const refused = await team.member.post(url, { title: 'Not mine to create' });
    expect([refused.status, (refused.body as ApiError).permission]).toEqual([403, 'tasks.manage']);
    expect((await list(team.observer)).map((t) => t.id)).toContain(task.id);
    expect((await team.outsider.get(url)).status).toBe(404);
    const mine = (await team.member.get('/api/tasks/mine')).body as Task[];
    expect(mine.map((t) => t.id)).toEqual([task.id]);
  });

  it("lists a person's tasks across their JITs, soonest due first and undated before, and none of a JIT they left", async () => {
    const other = await createJit(team.admin);
    await addMember(team.admin, other, team.leadLeader, 'NL', 'leader');
    const membership = await addMember(team.leadLeader, other, team.observer, 'NL', 'member');
    const assign = (jitId: string, title: string, assigneeMemberId: string, dueDate: string | null) =>
      team.leadLeader.post(`/api/jits/${jitId}/tasks`, { title, assigneeMemberId, ...(dueDate ? { dueDate } : {}) }).then((r) => r.body as Task);
    const later = await assign(other.id, 'Later, elsewhere', membership.id, '2031-03-01');
    const undated = await assign(other.id, 'Whenever, elsewhere', membership.id, null);
    const sooner = await assign(team.jit.id, 'Sooner, here', team.memberships.observer.id, '2031-01-01');
    const titles = async () => ((await team.observer.get('/api/tasks/mine')).body as Task[]).map((t) => t.title);
    expect(await titles()).toEqual([undated.title, sooner.title, later.title]);
    expect((await team.leadLeader.delete(`/api/jits/${other.id}/members/${membership.id}`)).status).toBe(200);
    expect(await titles()).toEqual([sooner.title]);
  });

  it('lets the assignee and leaders move a task, keeping the order of the columns; no one else', async () => {
    const a = await newTask('A', team.memberships.member.id);
    const b = await newTask('B');
    const moved = await team.member.post(`${url}/${a.id}/move`, { status: 'in_progress', position: 0 });
    expect([moved.status, (moved.body as Task).status]).toEqual([200, 'in_progress']);
    const other = await team.legalAdviser.post(`${url}/${a.id}/move`, { status: 'done', position: 0 });
    expect([other.status, (other.body as ApiError).permission]).toEqual([403, 'tasks.move']);
    // Refused before the body is read: a non-assignee learns nothing more from a bad body.
    expect((await team.legalAdviser.post(`${url}/${a.id}/move`, { status: 'nonsense' })).status).toBe(403);
    expect((await team.leadLeader.post(`${url}/${b.id}/move`, { status: 'in_progress', position: 0 })).status).toBe(200);
    const column = (await list(team.member, '?status=in_progress')).map((t) => [t.title, t.position]);
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
    const byParty = await list(team.member, `?partyId=${fr?.id}`);
    expect(byParty.map((t) => t.id)).toEqual([frTask.id]);
    const byAssignee = await list(team.member, `?assigneeMemberId=${team.memberships.otherLeader.id}`);
    expect(byAssignee.map((t) => t.id)).toEqual([frTask.id]);
    const overdue = await list(team.member, '?overdue=true');
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
      ['patch', `${url}/${task.id}`, { title: null, baseUpdatedAt: task.updatedAt }, 'title'],
      ['patch', `${url}/${task.id}`, { title: 'Renamed' }, 'baseUpdatedAt'],
      ['patch', `${url}/${task.id}`, { title: 'Renamed', baseUpdatedAt: 'yesterday' }, 'baseUpdatedAt'],
      ['post', `${url}/${task.id}/move`, { status: 'done', position: -1 }, 'position'],
    ];
    for (const [method, target, body, field] of cases) {
      const response = method === 'post' ? await team.leadLeader.post(target, body) : await team.leadLeader.patch(target, body);
      expect([target, field, response.status, ((response.body as ApiError).details as Array<{ field: string }>)?.some((d) => d.field === field)]).toEqual([
        target,
        field,
        400,
        true,
      ]);
    }
    expect(await headSeq(testApp, `jit:${team.jit.id}`)).toBe(before);
  });

  describe('editing a task that changed since it was opened', () => {
    const STALE = 'This task was changed by someone else since you opened it; reload it to see their change, then edit again.';
    const edit = (task: Pick<Task, 'id'>, baseUpdatedAt: string, body: Record<string, unknown>) => team.leadLeader.patch(`${url}/${task.id}`, { ...body, baseUpdatedAt });
    const current = async (task: Pick<Task, 'id'>): Promise<Task> => (await team.observer.get(`${url}/${task.id}`)).body as Task;

    it('applies an edit based on the current task and moves updatedAt on', async () => {
      const task = await newTask('Fresh base');
      const saved = await edit(task, task.updatedAt, { title: 'Fresh base, renamed' });
      expect([saved.status, (saved.body as Task).title]).toEqual([200, 'Fresh base, renamed']);
      expect((saved.body as Task).updatedAt > task.updatedAt).toBe(true);
      // The answer is the new base: a second edit from it goes through too.
      expect((await edit(task, (saved.body as Task).updatedAt, { priority: 'low' })).status).toBe(200);
    });

    it('refuses an edit based on an older version (409 stale_revision), writing nothing', async () => {
      const task = await newTask('Edited twice');
      expect((await team.otherLeader.patch(`${url}/${task.id}`, { description: 'The other leader was first', baseUpdatedAt: task.updatedAt })).status).toBe(200);
      const after = await current(task);
      const before = await headSeq(testApp, jitChain(team.jit.id));
      const refused = await edit(task, task.updatedAt, { title: 'Overwrites the description', description: '' });
      expect([refused.status, (refused.body as ApiError).error, (refused.body as ApiError).message]).toEqual([409, 'stale_revision', STALE]);
      expect(await current(task)).toEqual(after);
      expect(await headSeq(testApp, jitChain(team.jit.id))).toBe(before);
    });

    it("refuses a leader's save over an item the assignee ticked meanwhile, and over a move", async () => {
      const task = await newTask('Ticked meanwhile', team.memberships.member.id);
      expect((await team.member.patch(`${url}/${task.id}/checklist/0`, { text: 'call the witness', done: true })).status).toBe(200);
      const refused = await edit(task, task.updatedAt, {
        checklist: [
          { text: 'call the witness', done: false },
          { text: 'write it up', done: false },
        ],
      });
      expect([refused.status, (refused.body as ApiError).error]).toEqual([409, 'stale_revision']);
      expect((await current(task)).checklist).toEqual([{ text: 'call the witness', done: true }]);

      const ticked = await current(task);
      expect((await team.member.post(`${url}/${task.id}/move`, { status: 'in_progress', position: 0 })).status).toBe(200);
      expect((await edit(task, ticked.updatedAt, { title: 'Renamed over a move' })).status).toBe(409);
      // Reloaded, the leader's edit goes through and keeps the tick.
      const saved = await edit(task, (await current(task)).updatedAt, { title: 'Renamed after reloading' });
      expect([saved.status, (saved.body as Task).checklist]).toEqual([200, [{ text: 'call the witness', done: true }]]);
    });

    it('accepts the base as any ISO form of the same millisecond', async () => {
      const task = await newTask('Other notation');
      const sameInstant = task.updatedAt.replace('Z', '+00:00');
      expect((await edit(task, '2026-W01', { title: 'A week is no instant' })).status).toBe(409);
      expect((await edit(task, sameInstant, { title: 'Same instant, other notation' })).status).toBe(200);
    });
  });

  describe('ticking a checklist item', () => {
    const ITEMS: ChecklistItem[] = [
      { text: 'Request the manifests', done: false },
      { text: 'Call the port authority', done: false },
      { text: 'Compare the seals', done: true },
    ];
    /** A task with three items, assigned to the member. */
    const checklistTask = async (checklist = ITEMS): Promise<Task> => {
      const response = await team.leadLeader.post(url, { title: 'Trace the containers', assigneeMemberId: team.memberships.member.id, checklist });
      expect(response.status).toBe(201);
      return response.body as Task;
    };
    const tick = (client: ApiClient, task: Pick<Task, 'id'>, index: number | string, body: unknown) => client.patch(`${url}/${task.id}/checklist/${index}`, body);
    const stored = async (task: Task): Promise<ChecklistItem[]> => ((await team.observer.get(`${url}/${task.id}`)).body as Task).checklist;
    const updates = async (task: Task) =>
      ((await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?action=task.updated&limit=${LIMITS.auditPageMax}`)).body as AuditPage).items.filter(
        (e) => e.subjectId === task.id,
      );

    it('lets the assignee tick and untick an item, recorded as a checklist change', async () => {
      const task = await checklistTask();
      const ticked = await tick(team.member, task, 1, { text: 'Call the port authority', done: true });
      expect(ticked.status).toBe(200);
      const after = [ITEMS[0], { ...ITEMS[1], done: true }, ITEMS[2]];
      expect((ticked.body as Task).checklist).toEqual(after);
      expect(await stored(task)).toEqual(after);
      const [event] = await updates(task);
      expect(event).toMatchObject({ actorUserId: team.member.me?.id, changes: [{ field: 'checklist', from: ITEMS, to: after }] });

      const unticked = await tick(team.member, task, 2, { text: 'Compare the seals', done: false });
      expect((unticked.body as Task).checklist).toEqual([ITEMS[0], { ...ITEMS[1], done: true }, { ...ITEMS[2], done: false }]);
      expect(await updates(task)).toHaveLength(2);
    });

    it('lets a leader of either party tick too; ticking an item to what it already is changes and records nothing', async () => {
      const task = await checklistTask();
      expect((await tick(team.otherLeader, task, 0, { text: 'Request the manifests', done: true })).status).toBe(200);
      const before = await headSeq(testApp, jitChain(team.jit.id));
      const again = await tick(team.member, task, 0, { text: 'Request the manifests', done: true });
      expect([again.status, (again.body as Task).checklist[0].done]).toEqual([200, true]);
      expect(await headSeq(testApp, jitChain(team.jit.id))).toBe(before);
    });

    it('refuses other members (403 tasks.move, before the body is read) and outsiders (404)', async () => {
      const task = await checklistTask();
      for (const client of [team.legalAdviser, team.observer]) {
        const refused = await tick(client, task, 0, { text: 'Request the manifests', done: true });
        expect([refused.status, (refused.body as ApiError).permission]).toEqual([403, 'tasks.move']);
        expect((await tick(client, task, 'two', { done: 'yes' })).status).toBe(403);
      }
      expect((await tick(team.outsider, task, 0, { text: 'Request the manifests', done: true })).status).toBe(404);
      expect((await tick(team.member, { id: randomUUID() }, 0, { text: 'Request the manifests', done: true })).status).toBe(404);
      expect(await stored(task)).toEqual(ITEMS);
    });

    it('refuses a tick whose item was reworded, moved or removed meanwhile (409), changing nothing', async () => {
      const task = await checklistTask();
      expect(
        (await team.leadLeader.patch(`${url}/${task.id}`, { checklist: [{ text: 'Call the harbour master', done: false }, ITEMS[0]], baseUpdatedAt: task.updatedAt })).status,
      ).toBe(200);
      const before = await headSeq(testApp, jitChain(team.jit.id));
      const stale: Array<[number, string]> = [
        [1, 'Call the port authority'],
        [0, 'Request the manifests'],
        [2, 'Compare the seals'],
        [TASK_LIMITS.checklistMax - 1, 'Request the manifests'],
      ];
      for (const [index, text] of stale) {
        const refused = await tick(team.member, task, index, { text, done: true });
        expect([index, refused.status, (refused.body as ApiError).error, (refused.body as ApiError).message]).toEqual([
          index,
          409,
          'conflict',
          'The checklist changed; reload the task and try again.',
        ]);
      }
      expect(await headSeq(testApp, jitChain(team.jit.id))).toBe(before);
      expect(await stored(task)).toEqual([{ text: 'Call the harbour master', done: false }, ITEMS[0]]);
    });

    it('refuses bad input with 400 naming the field, changing nothing', async () => {
      const task = await checklistTask();
      const before = await headSeq(testApp, jitChain(team.jit.id));
      const cases: Array<[number | string, unknown, string, string]> = [
        [0, { done: true }, 'text', 'required'],
        [0, { text: 'Request the manifests' }, 'done', 'required'],
        [0, { text: 'Request the manifests', done: 'yes' }, 'done', 'invalid_type'],
        [0, { text: 42, done: true }, 'text', 'invalid_type'],
        [0, { text: '  ', done: true }, 'text', 'required'],
        [0, { text: 'x'.repeat(TASK_LIMITS.checklistItemMax + 1), done: true }, 'text', 'too_long'],
        [0, { text: 'Request the manifests', done: true, index: 1 }, 'index', 'unknown_field'],
        ['two', { text: 'Request the manifests', done: true }, 'index', 'invalid_type'],
        ['0.5', { text: 'Request the manifests', done: true }, 'index', 'invalid_type'],
        [-1, { text: 'Request the manifests', done: true }, 'index', 'out_of_range'],
        [TASK_LIMITS.checklistMax, { text: 'Request the manifests', done: true }, 'index', 'out_of_range'],
      ];
      for (const [index, body, field, code] of cases) {
        const response = await tick(team.member, task, index, body);
        expect([index, field, response.status, (response.body as ApiError).details]).toEqual([index, field, 400, [{ field, code }]]);
      }
      expect(await headSeq(testApp, jitChain(team.jit.id))).toBe(before);
      expect(await stored(task)).toEqual(ITEMS);
    });

    it('keeps every tick when several people tick different items at the same time', async () => {
      const items = Array.from({ length: 6 }, (_, i) => ({ text: `Item ${i + 1}`, done: false }));
      const task = await checklistTask(items);
      const tickers = [team.member, team.leadLeader, team.otherLeader];
      const responses = await Promise.all(items.map((item, index) => tick(tickers[index % tickers.length], task, index, { text: item.text, done: true })));
      expect(responses.map((r) => r.status)).toEqual(items.map(() => 200));
      expect(await stored(task)).toEqual(items.map((item) => ({ ...item, done: true })));
      expect(await updates(task)).toHaveLength(items.length);
      expect((await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit/verify`)).body).toMatchObject({ ok: true });
    });

    it('refuses ticks in a closed JIT like every other change', async () => {
      const jit = await createJit(team.admin);
      await addMember(team.admin, jit, team.leadLeader, 'NL', 'leader');
      const member = await addMember(team.leadLeader, jit, team.member, 'NL', 'member');
      const created = await team.leadLeader.post(`/api/jits/${jit.id}/tasks`, { title: 'Closed soon', assigneeMemberId: member.id, checklist: ITEMS });
      expect(created.status).toBe(201);
      expect((await team.leadLeader.post(`/api/jits/${jit.id}/close`)).status).toBe(200);
      const refused = await team.member.patch(`/api/jits/${jit.id}/tasks/${(created.body as Task).id}/checklist/0`, { text: 'Request the manifests', done: true });
      expect([refused.status, (refused.body as ApiError).error]).toEqual([409, 'jit_closed']);
    });
  });

  describe('pagination', () => {
    /** Board order: status, then position in the column, then id for ties. */
    const before = (a: Task, b: Task) => (a.status !== b.status ? a.status < b.status : a.position !== b.position ? a.position < b.position : a.id < b.id);

    /** Every page of a query, following nextCursor; fails on a page larger than asked. */
    const allPages = async (query: string, limit: number): Promise<Task[][]> => {
      const pages: Task[][] = [];
      let cursor: string | null = null;
      do {
        const response = await team.member.get(`${url}?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.status).toBe(200);
        const page = response.body as TaskListPage;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 100);
      expect(cursor).toBeNull();
      return pages;
    };

    let created: string[];
    beforeAll(async () => {
      const a = await newTask('Paged A', team.memberships.member.id);
      const b = await newTask('Paged B', team.memberships.member.id);
      const c = await newTask('Paged C');
      const d = await newTask('Paged D', team.memberships.member.id);
      const e = await newTask('Paged E');
      expect((await team.leadLeader.post(`${url}/${b.id}/move`, { status: 'blocked', position: 0 })).status).toBe(200);
      expect((await team.leadLeader.post(`${url}/${d.id}/move`, { status: 'done', position: 0 })).status).toBe(200);
      // The API numbers a column without gaps or ties, but the order must stay total if two tasks
      // ever share a position (a concurrent import, a manual fix): ids break the tie, across pages too.
      const tied = await testApp.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: e.id });
      const twins = [randomUUID(), randomUUID(), randomUUID()].map((id) => ({
        ...tied,
        id,
        title: `Twin ${id.slice(0, 4)}`,
        assigneeMemberId: team.memberships.member.id,
        assigneeUserId: team.memberships.member.userId,
      }));
      await testApp.dataSource.getRepository(TaskEntity).insert(twins);
      created = [a, b, c, d, e, ...twins].map((t) => t.id);
    });

    it('returns disjoint pages that together hold every task once, in board order', async () => {
      const [everything] = await allPages('', TASK_LIMITS.pageMax);
      expect(everything.map((t) => t.id)).toEqual(expect.arrayContaining(created));
      for (const limit of [1, 2, 3, 7]) {
        const pages = await allPages('', limit);
        const ids = pages.flat().map((t) => t.id);
        expect([limit, ids.length, new Set(ids).size]).toEqual([limit, everything.length, everything.length]);
        expect(pages.flat()).toEqual(everything);
      }
      expect(everything.every((task, i) => i === 0 || before(everything[i - 1], task))).toBe(true);
      expect(new Set(everything.map((t) => t.status)).size).toBeGreaterThan(2);
    });

    it('pages a filtered list the same way, across columns', async () => {
      // Each filter reads through another index, or none (a party of several members), on MySQL/MariaDB.
      const queries = [
        `&assigneeMemberId=${team.memberships.member.id}`,
        '&status=todo',
        `&status=todo&assigneeMemberId=${team.memberships.member.id}`,
        `&partyId=${team.memberships.member.partyId}`,
        '&overdue=true',
      ];
      for (const query of queries) {
        const [expected] = await allPages(query, TASK_LIMITS.pageMax);
        expect(expected.length).toBeGreaterThan(3);
        const pages = await allPages(query, 2);
        expect([query, pages.flat()]).toEqual([query, expected]);
        expect(expected.every((task, i) => i === 0 || before(expected[i - 1], task))).toBe(true);
      }
    });

    it(`gives ${TASK_LIMITS.pageDefault} tasks a page when no limit is asked`, async () => {
      const missing = TASK_LIMITS.pageDefault + 1 - (await allPages('', TASK_LIMITS.pageMax))[0].length;
      for (let i = 0; i < missing; i += 1) await newTask(`Filler ${i}`);
      const first = (await team.member.get(url)).body as TaskListPage;
      expect([first.items.length, typeof first.nextCursor]).toEqual([TASK_LIMITS.pageDefault, 'string']);
    });

    it('refuses a bad limit or cursor with 400 naming the field', async () => {
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const cases: Array<[string, string, string]> = [
        ['limit=0', 'limit', 'out_of_range'],
        [`limit=${TASK_LIMITS.pageMax + 1}`, 'limit', 'out_of_range'],
        ['limit=ten', 'limit', 'invalid_type'],
        ['limit=2.5', 'limit', 'invalid_type'],
        ['cursor=not-a-cursor', 'cursor', 'invalid_value'],
        [`cursor=${forged(null)}`, 'cursor', 'invalid_value'],
        [`cursor=${forged({ s: 'archived', p: 0, id: randomUUID() })}`, 'cursor', 'invalid_value'],
        [`cursor=${forged({ s: 'todo', p: '0', id: randomUUID() })}`, 'cursor', 'invalid_value'],
        [`cursor=${forged({ s: 'todo', p: 0, id: "' OR 1=1 --" })}`, 'cursor', 'invalid_value'],
        [`cursor=${'x'.repeat(501)}`, 'cursor', 'too_long'],
        ['cursor=a&cursor=b', 'cursor', 'invalid_type'],
      ];
      for (const [query, field, code] of cases) {
        const response = await team.member.get(`${url}?${query}`);
        expect([query, response.status, (response.body as ApiError).details]).toEqual([query, 400, [{ field, code }]]);
      }
    });
  });
});
