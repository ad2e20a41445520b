import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  todayUtc,
  type ApiError,
  type EvidenceItem,
  type Jit,
  type Member,
  type Note,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
  type Task,
} from '@jit/shared';
import { Transactions } from '../src/database/transactions';
import { NotificationRemindersService } from '../src/notifications/notification-reminders.service';
import { addMember, ApiClient, buildTeam, createJit, createUser, startTestApp, USER_PASSWORD, type Team, type TestApp } from './harness';
import { connect, settle, until, type ClientSocket } from './socket-client';
import { TusClient } from './tus-client';

const DAY_MS = 86_400_000;

describe('notifications', () => {
  let testApp: TestApp;
  let team: Team;
  let tasksUrl: string;
  let note: Note;
  let reminders: NotificationRemindersService;

  const page = async (client: ApiClient, query = ''): Promise<NotificationPage> => {
    const response = await client.get(`/api/notifications${query ? `?${query}` : ''}`);
    expect(response.status).toBe(200);
    return response.body as NotificationPage;
  };
  const everything = async (client: ApiClient): Promise<Notification[]> => (await page(client, 'limit=100')).items;
  const about = async (client: ApiClient, subjectId: string, kind?: NotificationKind): Promise<Notification[]> =>
    (await everything(client)).filter((n) => n.subject.id === subjectId && (!kind || n.kind === kind));
  /** A person of their own in the team's JIT, so what they receive is theirs alone to count. */
  const person = async (
    displayName: string,
    country: string | null = 'NL',
    role: 'member' | 'leader' | 'observer' = 'member',
  ): Promise<{ client: ApiClient; membership: Member }> => {
    const client = await createUser(team.admin, { displayName });
    const membership = await addMember(team.leadLeader, team.jit, client, country, role);
    return { client, membership };
  };
  const createTask = async (body: Record<string, unknown>, by: ApiClient = team.leadLeader, jit: Jit = team.jit): Promise<Task> => {
    const response = await by.post(`/api/jits/${jit.id}/tasks`, { title: 'A task', ...body });
    expect(response.status).toBe(201);
    return response.body as Task;
  };
  /** An edit based on the task as it is now, so earlier edits in a test do not make it stale. */
  const updateTask = async (task: Task, body: Record<string, unknown>): Promise<Task> => {
    const { updatedAt } = (await team.leadLeader.get(`${tasksUrl}/${task.id}`)).body as Task;
    const response = await team.leadLeader.patch(`${tasksUrl}/${task.id}`, { ...body, baseUpdatedAt: updatedAt });
    expect(response.status).toBe(200);
    return response.body as Task;
  };
  const markRead = (client: ApiClient, body: unknown) => client.post('/api/notifications/read', body);
  const day = (now: Date, days: number) => todayUtc(new Date(now.getTime() + days * DAY_MS));
  const rowsOf = async (userId: string, kind: NotificationKind): Promise<number> => {
    const rows: Array<{ n: number | string }> = await testApp.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND kind = ?', [userId, kind]);
    return Number(rows[0].n);
  };
  const upload = async (client: ApiClient, title: string): Promise<EvidenceItem> => {
    const uploadId = await new TusClient(client, team.jit.id).upload(Buffer.from(`${title} ${randomBytes(8).toString('hex')}\n`), { fileName: 'statement.txt' });
    const response = await client.post(`/api/jits/${team.jit.id}/evidence`, {
      uploadId,
      title,
      documentType: 'witness_statement',
      originatingPartyId: team.jit.parties.find((p) => p.country === 'NL')?.id,
      handlingCode: 'evidential_use_in_jit',
    });
    expect(response.status).toBe(201);
    return response.body as EvidenceItem;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    tasksUrl = `/api/jits/${team.jit.id}/tasks`;
    note = (await team.member.post(`/api/jits/${team.jit.id}/notes`, { title: 'Interview plan', body: 'text' })).body as Note;
    reminders = testApp.app.get(NotificationRemindersService);
  });
  afterAll(() => testApp.close());

  describe('what causes one', () => {
    const rowsOfSubject = async (subjectId: string): Promise<number> => {
      const rows: Array<{ n: number | string }> = await testApp.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE subjectId = ?', [subjectId]);
      return Number(rows[0].n);
    };
    it('tells the assignee of a new task from another party, and not the leader who assigned it', async () => {
      const fr = await person('French Investigator', 'FR');
      const task = await createTask({ title: 'Interview witness W', assigneeMemberId: fr.membership.id });
      const received = await page(fr.client);
      expect(received).toEqual({
        items: [
          {
            id: expect.any(String),
            jitId: team.jit.id,
            jitReference: team.jit.reference,
            kind: 'task_assigned',
            subject: { type: 'task', id: task.id, title: 'Interview witness W' },
            actorName: 'Lead Leader',
            createdAt: expect.any(String),
            readAt: null,
          },
        ],
        unreadCount: 1,
        nextCursor: null,
      });
      expect(await about(team.leadLeader, task.id)).toEqual([]);
      expect(await about(team.member, task.id)).toEqual([]);
      // Assigning oneself is no news to oneself.
      const own = await createTask({ title: 'My own', assigneeMemberId: team.memberships.leadLeader.id });
      expect(await about(team.leadLeader, own.id)).toEqual([]);
    });

    it('tells the new assignee when a task is reassigned, and no one when the assignee does not change', async () => {
      const first = await person('First Assignee');
      const second = await person('Second Assignee', 'FR');
      const task = await createTask({ title: 'Collect the phone records', assigneeMemberId: first.membership.id });
      expect((await about(first.client, task.id)).map((n) => n.kind)).toEqual(['task_assigned']);
      await updateTask(task, { assigneeMemberId: second.membership.id });
      const toSecond = await about(second.client, task.id);
      expect(toSecond.map((n) => [n.kind, n.subject.title, n.actorName])).toEqual([['task_assigned', 'Collect the phone records', 'Lead Leader']]);
      // The first assignee keeps the one they had; other edits, and unassigning, tell no one.
      await updateTask(task, { title: 'Collect the phone records of W', assigneeMemberId: second.membership.id });
      await updateTask(task, { assigneeMemberId: null });
      expect(await about(first.client, task.id)).toHaveLength(1);
      expect(await about(second.client, task.id)).toHaveLength(1);
      // Titles are read now: the notification shows the current title.
      expect((await about(second.client, task.id))[0].subject.title).toBe('Collect the phone records of W');
    });

    it('tells the members mentioned in a comment, not its author', async () => {
      const fr = await person('Mentioned Person', 'FR');
      const comment = await team.member.post(`/api/jits/${team.jit.id}/comments`, {
        subjectType: 'note',
        subjectId: note.id,
        body: 'Please check, @Mentioned and me',
        mentions: [fr.membership.id, team.memberships.member.id],
      });
      expect(comment.status).toBe(201);
      expect((await about(fr.client, note.id)).map((n) => [n.kind, n.subject, n.actorName])).toEqual([
        ['mentioned', { type: 'note', id: note.id, title: 'Interview plan' }, 'Investigator'],
      ]);
      expect(await about(team.member, note.id)).toEqual([]);
      expect(await about(team.leadLeader, note.id)).toEqual([]);
      // A comment without mentions tells no one.
      await team.otherLeader.post(`/api/jits/${team.jit.id}/comments`, { subjectType: 'note', subjectId: note.id, body: 'Noted' });
      expect(await about(fr.client, note.id)).toHaveLength(1);
      expect(await about(team.member, note.id)).toEqual([]);
    });

    it('tells the members of the other parties of new evidence, not the uploader’s own party', async () => {
      const frMember = await person('French Analyst', 'FR');
      const nlItem = await upload(team.member, 'Statement from the Netherlands');
      for (const client of [team.otherLeader, frMember.client, team.observer]) {
        expect((await about(client, nlItem.id)).map((n) => [n.kind, n.subject, n.actorName])).toEqual([
          ['evidence_from_other_party', { type: 'evidence', id: nlItem.id, title: 'Statement from the Netherlands' }, 'Investigator'],
        ]);
      }
      for (const client of [team.member, team.leadLeader, team.legalAdviser]) expect(await about(client, nlItem.id)).toEqual([]);

      const frItem = await upload(team.otherLeader, 'Statement from France');
      for (const client of [team.member, team.leadLeader, team.legalAdviser, team.observer]) {
        expect((await about(client, frItem.id, 'evidence_from_other_party')).map((n) => n.actorName)).toEqual(['French Leader']);
      }
      for (const client of [team.otherLeader, frMember.client]) expect(await about(client, frItem.id)).toEqual([]);
    });

    it('tells of an item described before its bytes only once it is available', async () => {
      const tus = new TusClient(team.member, team.jit.id);
      const bytes = Buffer.from(`Arriving late ${randomBytes(8).toString('hex')}\n`);
      const uploadId = await tus.start({ length: bytes.length, fileName: 'late.txt' });
      const described = await team.member.post(`/api/jits/${team.jit.id}/evidence`, {
        uploadId,
        title: 'Arriving late',
        documentType: 'witness_statement',
        originatingPartyId: team.jit.parties.find((p) => p.country === 'NL')?.id,
        handlingCode: 'evidential_use_in_jit',
      });
      expect((described.body as EvidenceItem).status).toBe('pending');
      const itemId = (described.body as EvidenceItem).id;
      expect(await rowsOfSubject(itemId)).toBe(0);
      expect((await tus.patch(uploadId, 0, bytes)).status).toBe(204);
      expect((await about(team.otherLeader, itemId)).map((n) => n.kind)).toEqual(['evidence_from_other_party']);
    });
  });

  describe('reminders', () => {
    it('reminds the assignee once of a task due soon and of an overdue one; not of done tasks; again for a new due date', async () => {
      const now = new Date();
      const assignee = await person('Reminded Person');
      const assign = (title: string, dueDate: string | null, assigneeMemberId: string | null = assignee.membership.id) => createTask({ title, dueDate, assigneeMemberId });
      const soon = await assign('Due tomorrow', day(now, 1));
      const late = await assign('Due yesterday', day(now, -1));
      const done = await assign('Done already', day(now, -1));
      const later = await assign('Due next week', day(now, 7));
      const undated = await assign('No due date', null);
      await assign('Nobody’s', day(now, 1), null);
      const moved = await team.leadLeader.post(`${tasksUrl}/${done.id}/move`, { status: 'done', position: 0 });
      expect(moved.status).toBe(200);

      const remindersOf = async () =>
        (await everything(assignee.client))
          .filter((n) => n.kind === 'task_due_soon' || n.kind === 'task_overdue')
          .map((n) => [n.kind, n.subject.title, n.actorName])
          .sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));

      await reminders.remind(now);
      const expected = [
        ['task_due_soon', 'Due tomorrow', null],
        ['task_overdue', 'Due yesterday', null],
      ];
      expect(await remindersOf()).toEqual(expected);
      // Once: running again, or through the scheduled tick, adds nothing.
      await reminders.remind(now);
      await reminders.tick(now);
      expect(await remindersOf()).toEqual(expected);
      expect(await rowsOf(assignee.client.me?.id ?? '', 'task_due_soon')).toBe(1);
      expect(await rowsOf(assignee.client.me?.id ?? '', 'task_overdue')).toBe(1);

      // A new due date earns a new reminder.
      await updateTask(soon, { dueDate: day(now, 0) });
      await reminders.remind(now);
      expect(await remindersOf()).toEqual([['task_due_soon', 'Due tomorrow', null], ...expected]);
      // Time passes: the task now due today becomes overdue, and next week's comes near.
      await reminders.remind(new Date(now.getTime() + 6 * DAY_MS));
      expect(await remindersOf()).toEqual([
        ['task_due_soon', 'Due next week', null],
        ['task_due_soon', 'Due tomorrow', null],
        ['task_due_soon', 'Due tomorrow', null],
        ['task_overdue', 'Due tomorrow', null],
        ['task_overdue', 'Due yesterday', null],
      ]);
      expect(await about(assignee.client, done.id, 'task_overdue')).toEqual([]);
      expect(await about(assignee.client, undated.id, 'task_overdue')).toEqual([]);
      expect((await about(assignee.client, later.id)).map((n) => n.kind).sort()).toEqual(['task_assigned', 'task_due_soon']);
      expect((await about(assignee.client, late.id)).map((n) => n.kind).sort()).toEqual(['task_assigned', 'task_overdue']);
    });

    it('sends no reminders in a closed or expired JIT, and resumes once work can go on', async () => {
      const now = new Date();
      const waiting = await person('Waiting Assignee');
      await createTask({ title: 'Paused work', dueDate: day(now, 1), assigneeMemberId: waiting.membership.id });
      const [jit] = await testApp.dataSource.query<Array<{ status: string; effectiveEndDate: string }>>('SELECT status, effectiveEndDate FROM jits WHERE id = ?', [team.jit.id]);
      const setJit = (status: string, effectiveEndDate: string) =>
        testApp.dataSource.query('UPDATE jits SET status = ?, effectiveEndDate = ? WHERE id = ?', [status, effectiveEndDate, team.jit.id]);
      try {
        await setJit('closed', jit.effectiveEndDate);
        await reminders.remind(now);
        expect(await rowsOf(waiting.client.me?.id ?? '', 'task_due_soon')).toBe(0);
        await setJit(jit.status, day(now, -1));
        await reminders.remind(now);
        expect(await rowsOf(waiting.client.me?.id ?? '', 'task_due_soon')).toBe(0);
      } finally {
        await setJit(jit.status, jit.effectiveEndDate);
      }
      await reminders.remind(now);
      expect(await rowsOf(waiting.client.me?.id ?? '', 'task_due_soon')).toBe(1);
    });

    it('reminds no one whose membership has been revoked', async () => {
      const now = new Date();
      const leaving = await person('Leaving Assignee');
      await createTask({ title: 'Left behind', dueDate: day(now, 1), assigneeMemberId: leaving.membership.id });
      expect((await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${leaving.membership.id}`)).status).toBe(200);
      await reminders.remind(now);
      expect(await rowsOf(leaving.client.me?.id ?? '', 'task_due_soon')).toBe(0);
    });
  });

  describe('preferences', () => {
    const matrix = (off: Array<[NotificationKind, string]> = []) => ({
      preferences: NOTIFICATION_KINDS.flatMap((kind) => NOTIFICATION_CHANNELS.map((channel) => ({ kind, channel, enabled: !off.some(([k, c]) => k === kind && c === channel) }))),
    });
    const preferencesOf = async (client: ApiClient): Promise<NotificationPreferences> => {
      const response = await client.get('/api/notifications/preferences');
      expect(response.status).toBe(200);
      return response.body as NotificationPreferences;
    };
    const storedRows = () => testApp.dataSource.query<unknown[]>('SELECT userId, kind, channel, enabled FROM notification_preferences ORDER BY userId, kind, channel');

    it('answers every kind on every channel, enabled by default', async () => {
      const fresh = await person('Default Person');
      const preferences = await preferencesOf(fresh.client);
      expect(preferences).toEqual(matrix());
      expect(preferences.preferences).toHaveLength(NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length);
      // An account that belongs to no JIT has preferences too.
      expect(await preferencesOf(team.outsider)).toEqual(matrix());
    });

    it('sends nothing of a kind its person turned off, the other kinds still, and again once turned back on', async () => {
      const quiet = await person('Quiet Person', 'FR');
      const off = await quiet.client.patch('/api/notifications/preferences', { preferences: [{ kind: 'task_assigned', channel: 'in_app', enabled: false }] });
      expect([off.status, off.body]).toEqual([200, matrix([['task_assigned', 'in_app']])]);
      expect(await preferencesOf(quiet.client)).toEqual(matrix([['task_assigned', 'in_app']]));
      expect(await preferencesOf(team.member)).toEqual(matrix());

      const silent = await createTask({ title: 'Assigned quietly', assigneeMemberId: quiet.membership.id });
      expect(await about(quiet.client, silent.id)).toEqual([]);
      await team.member.post(`/api/jits/${team.jit.id}/comments`, { subjectType: 'note', subjectId: note.id, body: 'Still told of this', mentions: [quiet.membership.id] });
      expect((await about(quiet.client, note.id)).map((n) => n.kind)).toEqual(['mentioned']);

      const on = await quiet.client.patch('/api/notifications/preferences', { preferences: [{ kind: 'task_assigned', channel: 'in_app', enabled: true }] });
      expect([on.status, on.body]).toEqual([200, matrix()]);
      const heard = await createTask({ title: 'Assigned out loud', assigneeMemberId: quiet.membership.id });
      expect((await about(quiet.client, heard.id)).map((n) => n.kind)).toEqual(['task_assigned']);
    });

    it('refuses bad preferences with 400 naming the field, and changes nothing', async () => {
      const picky = await person('Picky Person');
      expect((await picky.client.patch('/api/notifications/preferences', { preferences: [{ kind: 'mentioned', channel: 'in_app', enabled: false }] })).status).toBe(200);
      const entry = { kind: 'task_assigned', channel: 'in_app', enabled: false };
      const cases: Array<[string, unknown, string, string]> = [
        ['an unknown kind', { preferences: [{ ...entry, kind: 'birthday' }] }, 'preferences.0.kind', 'invalid_value'],
        ['an unknown channel', { preferences: [{ ...entry, channel: 'email' }] }, 'preferences.0.channel', 'invalid_value'],
        ['a bad entry after a good one', { preferences: [entry, { ...entry, kind: 'mentioned', channel: 'pigeon' }] }, 'preferences.1.channel', 'invalid_value'],
        ['an enabled flag of the wrong type', { preferences: [{ ...entry, enabled: 'no' }] }, 'preferences.0.enabled', 'invalid_type'],
        ['a missing enabled flag', { preferences: [{ kind: 'task_assigned', channel: 'in_app' }] }, 'preferences.0.enabled', 'required'],
        ['a missing kind', { preferences: [{ channel: 'in_app', enabled: true }] }, 'preferences.0.kind', 'required'],
        ['an unknown field in an entry', { preferences: [{ ...entry, sound: 'loud' }] }, 'preferences.0.sound', 'unknown_field'],
        [
          'the same kind and channel twice',
          {
            preferences: [
              { kind: 'mentioned', channel: 'in_app', enabled: true },
              { kind: 'mentioned', channel: 'in_app', enabled: false },
            ],
          },
          'preferences.1',
          'not_unique',
        ],
        ['no entries', { preferences: [] }, 'preferences', 'too_few'],
        ['no preferences at all', {}, 'preferences', 'required'],
        ['preferences of the wrong type', { preferences: 'all off' }, 'preferences', 'invalid_type'],
        ['an unknown field', { preferences: [entry], userId: team.member.me?.id }, 'userId', 'unknown_field'],
      ];
      const before = { rows: await storedRows(), mine: await preferencesOf(picky.client) };
      expect(before.mine).toEqual(matrix([['mentioned', 'in_app']]));
      for (const [name, body, field, code] of cases) {
        const response = await picky.client.patch('/api/notifications/preferences', body);
        const error = response.body as ApiError;
        expect([name, response.status, error.error]).toEqual([name, 400, 'validation_failed']);
        expect([name, error.details]).toEqual([name, expect.arrayContaining([{ field, code }])]);
      }
      expect({ rows: await storedRows(), mine: await preferencesOf(picky.client) }).toEqual(before);
    });
  });

  describe('the list', () => {
    /** A person with 12 notifications: 6 assignments, then 6 reminders written in one transaction (one instant). */
    const busyPerson = async (displayName: string) => {
      const now = new Date();
      const busy = await person(displayName);
      for (let i = 0; i < 6; i += 1) await createTask({ title: `${displayName} task ${i}`, dueDate: day(now, 1), assigneeMemberId: busy.membership.id });
      await reminders.remind(now);
      return busy;
    };
    const walk = async (client: ApiClient, query: string): Promise<{ sizes: number[]; ids: string[] }> => {
      const sizes: number[] = [];
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const current: NotificationPage = await page(client, `${query}${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
        sizes.push(current.items.length);
        ids.push(...current.items.map((n) => n.id));
        cursor = current.nextCursor;
        if (sizes.length > 50) throw new Error('the pages never end');
      } while (cursor);
      return { sizes, ids };
    };

    it('pages newest first with limit and before: disjoint and complete', async () => {
      const busy = await busyPerson('Busy Person');
      const all = await page(busy.client, 'limit=100');
      expect(all.items).toHaveLength(12);
      expect(all.unreadCount).toBe(12);
      expect(all.nextCursor).toBeNull();
      expect(all.items.filter((n) => n.kind === 'task_due_soon')).toHaveLength(6);
      const newestFirst = [...all.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      expect(all.items.map((n) => n.id)).toEqual(newestFirst.map((n) => n.id));
      // The reminders came last: they are first.
      expect(all.items.slice(0, 6).every((n) => n.kind === 'task_due_soon')).toBe(true);
      expect((await page(busy.client)).items.map((n) => n.id)).toEqual(all.items.map((n) => n.id));

      const byFive = await walk(busy.client, 'limit=5');
      expect(byFive.sizes).toEqual([5, 5, 2]);
      expect(byFive.ids).toEqual(all.items.map((n) => n.id));
      expect(new Set(byFive.ids).size).toBe(12);
      // One at a time through the six of the same instant, too.
      expect((await walk(busy.client, 'limit=1')).ids).toEqual(all.items.map((n) => n.id));
      const exact = await walk(busy.client, 'limit=6');
      expect(exact.sizes).toEqual([6, 6]);
    });

    it('lists only unread ones with unreadOnly=true', async () => {
      const busy = await busyPerson('Unread Person');
      const all = (await page(busy.client, 'limit=100')).items;
      const read = [all[0].id, all[3].id, all[7].id, all[11].id];
      expect((await markRead(busy.client, { ids: read })).status).toBe(204);
      const unread = await page(busy.client, 'unreadOnly=true&limit=100');
      expect(unread.items.map((n) => n.id)).toEqual(all.map((n) => n.id).filter((id) => !read.includes(id)));
      expect(unread.items.every((n) => n.readAt === null)).toBe(true);
      expect(unread.unreadCount).toBe(8);
      expect((await walk(busy.client, 'unreadOnly=true&limit=3')).ids).toEqual(unread.items.map((n) => n.id));
      const everyone = await page(busy.client, 'unreadOnly=false&limit=100');
      expect(
        everyone.items
          .filter((n) => n.readAt !== null)
          .map((n) => n.id)
          .sort(),
      ).toEqual([...read].sort());
      expect(everyone.unreadCount).toBe(8);
    });

    it('refuses bad list queries with 400 naming the field', async () => {
      const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
      const cases: Array<[string, string]> = [
        ['before=garbage', 'before'],
        [`before=${cursorOf('not a date|x')}`, 'before'],
        [`before=${cursorOf(`${new Date().toISOString()}|`)}`, 'before'],
        [`before=${'x'.repeat(201)}`, 'before'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=2.5', 'limit'],
        ['unreadOnly=maybe', 'unreadOnly'],
        ['unreadOnly=1', 'unreadOnly'],
        ['kind=mentioned', 'kind'],
      ];
      for (const [query, field] of cases) {
        const response = await team.member.get(`/api/notifications?${query}`);
        const error = response.body as ApiError;
        expect([query, response.status, error.error, (error.details ?? []).map((d) => d.field)]).toEqual([query, 400, 'validation_failed', [field]]);
      }
    });

    it('hides the notifications of a JIT once the person’s membership there is revoked', async () => {
      const leaving = await person('Revoked Person');
      const other = await createJit(team.admin);
      await addMember(team.admin, other, team.leadLeader, 'NL', 'leader');
      const there = await addMember(team.leadLeader, other, leaving.client, 'NL', 'member');
      const here = await createTask({ title: 'Here', assigneeMemberId: leaving.membership.id });
      const elsewhere = await createTask({ title: 'Elsewhere', assigneeMemberId: there.id }, team.leadLeader, other);
      const before = await page(leaving.client);
      expect(before.items.map((n) => n.subject.id).sort()).toEqual([here.id, elsewhere.id].sort());
      expect(before.unreadCount).toBe(2);

      expect((await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${leaving.membership.id}`)).status).toBe(200);
      const after = await page(leaving.client);
      expect(after.items.map((n) => [n.jitId, n.subject.id])).toEqual([[other.id, elsewhere.id]]);
      expect(after.unreadCount).toBe(1);
      expect((await page(leaving.client, 'unreadOnly=true')).items.map((n) => n.subject.id)).toEqual([elsewhere.id]);
      // An account with no JIT left sees nothing.
      expect((await team.leadLeader.delete(`/api/jits/${other.id}/members/${there.id}`)).status).toBe(200);
      expect(await page(leaving.client)).toEqual({ items: [], unreadCount: 0, nextCursor: null });
    });
  });

  describe('marking read', () => {
    it('marks some by id, then all, and the unread count drops; never anyone else’s', async () => {
      const reader = await person('Reader');
      const bystander = await person('Bystander');
      for (const title of ['One', 'Two', 'Three']) await createTask({ title, assigneeMemberId: reader.membership.id });
      const theirs = await createTask({ title: 'Not the reader’s', assigneeMemberId: bystander.membership.id });
      const [newest, middle, oldest] = (await page(reader.client)).items;
      const bystanderOwn = (await about(bystander.client, theirs.id))[0];

      expect((await markRead(reader.client, { ids: [middle.id] })).status).toBe(204);
      let now = await page(reader.client);
      expect(now.unreadCount).toBe(2);
      expect(now.items.map((n) => [n.id, n.readAt === null])).toEqual([
        [newest.id, true],
        [middle.id, false],
        [oldest.id, true],
      ]);

      // Someone else's id, and one that does not exist: nothing happens to anyone.
      expect((await markRead(reader.client, { ids: [bystanderOwn.id, randomUUID()] })).status).toBe(204);
      expect((await page(reader.client)).unreadCount).toBe(2);
      expect(await about(bystander.client, theirs.id)).toEqual([bystanderOwn]);

      expect((await markRead(reader.client, { all: true })).status).toBe(204);
      now = await page(reader.client);
      expect(now.unreadCount).toBe(0);
      expect(now.items.every((n) => n.readAt !== null)).toBe(true);
      expect((await page(bystander.client)).unreadCount).toBe(1);
    });

    it('keeps a mark made while another transaction is open and then rolls back (writes go through Transactions)', async () => {
      const reader = await person('Concurrent Reader');
      await createTask({ title: 'Read during a rollback', assigneeMemberId: reader.membership.id });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // Another request's transaction, open while the mark arrives, that fails in the end.
      const failing = testApp.app.get(Transactions).run(async (manager) => {
        await manager.query('SELECT 1');
        await gate;
        throw new Error('rolled back on purpose');
      });
      const marked = markRead(reader.client, { all: true });
      await settle(300);
      release();
      await expect(failing).rejects.toThrow('rolled back on purpose');
      expect((await marked).status).toBe(204);
      expect((await page(reader.client)).unreadCount).toBe(0);
    });

    it('refuses a request that names nothing, or names it badly, with 400 naming the field', async () => {
      const reader = await person('Careful Reader');
      await createTask({ title: 'Unread', assigneeMemberId: reader.membership.id });
      const cases: Array<[string, unknown, string, string]> = [
        ['nothing', {}, 'ids', 'required'],
        ['all: false', { all: false }, 'ids', 'required'],
        ['no ids', { ids: [] }, 'ids', 'too_few'],
        ['ids that are not UUIDs', { ids: ['first'] }, 'ids', 'invalid_value'],
        ['ids of the wrong type', { ids: randomUUID() }, 'ids', 'invalid_type'],
        ['too many ids', { ids: Array.from({ length: 101 }, () => randomUUID()) }, 'ids', 'too_many'],
        ['the same id twice', { ids: [randomUUID(), randomUUID()].flatMap((id) => [id, id]) }, 'ids', 'not_unique'],
        ['all of the wrong type', { all: 'yes' }, 'all', 'invalid_type'],
        ['an unknown field', { all: true, userId: team.member.me?.id }, 'userId', 'unknown_field'],
      ];
      for (const [name, body, field, code] of cases) {
        const response = await markRead(reader.client, body);
        const error = response.body as ApiError;
        expect([name, response.status, error.error]).toEqual([name, 400, 'validation_failed']);
        expect([name, error.details]).toEqual([name, expect.arrayContaining([{ field, code }])]);
      }
      expect((await page(reader.client)).unreadCount).toBe(1);
    });
  });

  describe('over the socket', () => {
    let base: string;
    const sockets: ClientSocket[] = [];
    beforeAll(async () => {
      await testApp.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    });
    afterAll(() => {
      for (const socket of sockets) socket.close();
    });
    /** Every event a socket receives, by name. */
    const inbox = async (client: ApiClient) => {
      const socket = await connect(base, client);
      sockets.push(socket);
      const received: Array<[string, unknown]> = [];
      socket.onAny((event: string, payload: unknown) => received.push([event, payload]));
      return received;
    };
    const named = (received: Array<[string, unknown]>, name: string) => received.filter(([event]) => event === name).map(([, payload]) => payload);

    it('tells the assignee’s sockets of a new notification and of reading in another session; nobody else', async () => {
      const assignee = await person('Socket Person', 'FR');
      const [mine, leader, outsider] = await Promise.all([inbox(assignee.client), inbox(team.leadLeader), inbox(team.outsider)]);
      const task = await createTask({ title: 'Announced live', assigneeMemberId: assignee.membership.id });
      await until(() => named(mine, 'notification:new').length > 0);
      const [notification] = (await page(assignee.client)).items;
      expect(notification.subject.id).toBe(task.id);
      expect(named(mine, 'notification:new')).toEqual([{ id: notification.id, jitId: team.jit.id, kind: 'task_assigned' }]);

      // Another session of the same person reads it: every tab hears so.
      const elsewhere = new ApiClient(testApp);
      await elsewhere.login(assignee.client.me?.email ?? '', USER_PASSWORD);
      expect((await markRead(elsewhere, { ids: [notification.id] })).status).toBe(204);
      await until(() => named(mine, 'notification:read').length > 0);
      // Reading what is already read changes nothing, and says nothing.
      expect((await markRead(elsewhere, { all: true })).status).toBe(204);
      await settle(400);
      expect(named(mine, 'notification:read')).toHaveLength(1);
      expect(named(leader, 'notification:new')).toEqual([]);
      expect(named(leader, 'notification:read')).toEqual([]);
      expect(outsider).toEqual([]);
    });
  });
});
