import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { jitChain, type ApiError, type AuditPage, type ChainVerification, type EvidenceItem, type Jit, type Link, type Note, type Task } from '@jit/shared';
import { addMember, buildTeam, createJit, headSeq, itemDescription, startTestApp, type ApiClient, type Team, type TestApp } from './harness';
import { TusClient } from './tus-client';

/** Links between evidence items, notes and tasks: both ends list them; the record keeps who linked and unlinked what. */
describe('links', () => {
  let testApp: TestApp;
  let team: Team;
  let url: string;
  let note: Note;
  let task: Task;
  let item: EvidenceItem;
  let pendingItem: EvidenceItem;
  let otherJit: Jit;
  let otherJitNote: Note;

  const linkRows = async (): Promise<number> => {
    const rows: Array<{ n: number | string }> = await testApp.dataSource.query('SELECT COUNT(*) AS n FROM links');
    return Number(rows[0].n);
  };
  /** What a refused request must leave as it was: the links and the JIT's record. */
  const state = async () => ({ links: await linkRows(), head: await headSeq(testApp, jitChain(team.jit.id)) });
  const listOf = async (client: ApiClient, subjectType: string, subjectId: string): Promise<Link[]> => {
    const response = await client.get(`${url}?subjectType=${subjectType}&subjectId=${subjectId}`);
    expect(response.status).toBe(200);
    return response.body as Link[];
  };
  const link = (client: ApiClient, body: unknown) => client.post(url, body);
  const fieldsOf = (response: Response) => ((response.body as ApiError).details ?? []).map((d) => d.field);
  const newTask = async (title: string): Promise<Task> => {
    const response = await team.leadLeader.post(`/api/jits/${team.jit.id}/tasks`, { title });
    expect(response.status).toBe(201);
    return response.body as Task;
  };
  const newNote = async (title: string): Promise<Note> => {
    const response = await team.member.post(`/api/jits/${team.jit.id}/notes`, { title, body: 'text' });
    expect(response.status).toBe(201);
    return response.body as Note;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    url = `/api/jits/${team.jit.id}/links`;
    note = await newNote('Interview plan');
    task = await newTask('Interview witness W');
    const tus = new TusClient(team.member, team.jit.id);
    const uploadId = await tus.upload(Buffer.from(`Statement of witness W ${randomBytes(8).toString('hex')}\n`), { fileName: 'statement.txt' });
    const described = await team.member.post(`/api/jits/${team.jit.id}/evidence`, itemDescription(team.jit, uploadId, 'Statement of witness W'));
    expect(described.status).toBe(201);
    item = described.body as EvidenceItem;
    // Described before its bytes arrive: pending, its uploader's alone.
    const pendingUpload = await tus.start({ length: 100, fileName: 'late.txt' });
    const pending = await team.member.post(`/api/jits/${team.jit.id}/evidence`, itemDescription(team.jit, pendingUpload, 'Still arriving'));
    expect(pending.status).toBe(201);
    pendingItem = pending.body as EvidenceItem;
    expect(pendingItem.status).toBe('pending');
    // A JIT of its own where the member also works, with a note.
    otherJit = await createJit(team.admin);
    await addMember(team.admin, otherJit, team.leadLeader, 'NL', 'leader');
    await addMember(team.leadLeader, otherJit, team.member, 'NL', 'member');
    otherJitNote = (await team.member.post(`/api/jits/${otherJit.id}/notes`, { title: 'Elsewhere', body: 'text' })).body as Note;
  });
  afterAll(() => testApp.close());

  it('links a task and a note, and an evidence item and a task; each end lists the link with the other end’s title', async () => {
    const taskNote = await link(team.member, { fromType: 'task', fromId: task.id, toType: 'note', toId: note.id });
    expect(taskNote.status).toBe(201);
    expect(taskNote.body as Link).toEqual({
      id: expect.any(String),
      jitId: team.jit.id,
      other: { type: 'note', id: note.id, title: 'Interview plan' },
      createdBy: team.member.me?.id,
      createdByName: 'Investigator',
      createdAt: expect.any(String),
    });
    const itemTask = await link(team.legalAdviser, { fromType: 'evidence', fromId: item.id, toType: 'task', toId: task.id });
    expect(itemTask.status).toBe(201);
    expect((itemTask.body as Link).other).toEqual({ type: 'task', id: task.id, title: 'Interview witness W' });
    expect((itemTask.body as Link).createdByName).toBe('Legal Adviser');
    const [first, second] = [taskNote.body as Link, itemTask.body as Link];

    // Every member reads them, the observer included; each end shows the other.
    const fromTask = await listOf(team.observer, 'task', task.id);
    expect(fromTask.map((l) => [l.id, l.other])).toEqual([
      [first.id, { type: 'note', id: note.id, title: 'Interview plan' }],
      [second.id, { type: 'evidence', id: item.id, title: 'Statement of witness W' }],
    ]);
    const fromNote = await listOf(team.otherLeader, 'note', note.id);
    expect(fromNote.map((l) => [l.id, l.other, l.createdByName])).toEqual([[first.id, { type: 'task', id: task.id, title: 'Interview witness W' }, 'Investigator']]);
    const fromItem = await listOf(team.member, 'evidence', item.id);
    expect(fromItem.map((l) => [l.id, l.other, l.createdByName])).toEqual([[second.id, { type: 'task', id: task.id, title: 'Interview witness W' }, 'Legal Adviser']]);

    // Recorded on the JIT's chain, naming both ends.
    const added = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?action=link.added`)).body as AuditPage;
    expect(added.items.map((e) => [e.subjectType, e.subjectId, e.actorUserId])).toEqual([
      ['link', first.id, team.member.me?.id],
      ['link', second.id, team.legalAdviser.me?.id],
    ]);
    expect(added.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'a', from: null, to: `note:${note.id}` },
        { field: 'b', from: null, to: `task:${task.id}` },
      ]),
    );
  });

  it('refuses a duplicate pair, made from either end, with 409 link_exists and no second row', async () => {
    const a = await newTask('Duplicate A');
    const b = await newNote('Duplicate B');
    expect((await link(team.member, { fromType: 'task', fromId: a.id, toType: 'note', toId: b.id })).status).toBe(201);
    const before = await state();
    for (const body of [
      { fromType: 'task', fromId: a.id, toType: 'note', toId: b.id },
      { fromType: 'note', fromId: b.id, toType: 'task', toId: a.id },
    ]) {
      const response = await link(team.leadLeader, body);
      expect([response.status, (response.body as ApiError).error]).toEqual([409, 'link_exists']);
    }
    expect(await state()).toEqual(before);
    expect(await listOf(team.member, 'task', a.id)).toHaveLength(1);
    expect(await listOf(team.member, 'note', b.id)).toHaveLength(1);
  });

  it('refuses a link of a subject to itself, naming toId', async () => {
    const before = await state();
    const response = await link(team.member, { fromType: 'note', fromId: note.id, toType: 'note', toId: note.id });
    expect([response.status, (response.body as ApiError).error]).toEqual([400, 'validation_failed']);
    expect((response.body as ApiError).details).toEqual([{ field: 'toId', code: 'invalid_value' }]);
    expect(await state()).toEqual(before);
  });

  it('refuses subjects of another JIT, that do not exist, of the wrong type or still pending, naming the end, and writes nothing', async () => {
    const before = await state();
    const missing = randomUUID();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['a note of another JIT (to)', { fromType: 'task', fromId: task.id, toType: 'note', toId: otherJitNote.id }, 'toId'],
      ['a note of another JIT (from)', { fromType: 'note', fromId: otherJitNote.id, toType: 'task', toId: task.id }, 'fromId'],
      ['a task that does not exist', { fromType: 'task', fromId: missing, toType: 'note', toId: note.id }, 'fromId'],
      ['a note that does not exist', { fromType: 'task', fromId: task.id, toType: 'note', toId: missing }, 'toId'],
      ['a note named as an evidence item', { fromType: 'evidence', fromId: note.id, toType: 'task', toId: task.id }, 'fromId'],
      ['a task named as a note', { fromType: 'evidence', fromId: item.id, toType: 'note', toId: task.id }, 'toId'],
      // Its uploader may not link it either: a pending item is not yet evidence.
      ['a pending evidence item (to)', { fromType: 'task', fromId: task.id, toType: 'evidence', toId: pendingItem.id }, 'toId'],
      ['a pending evidence item (from)', { fromType: 'evidence', fromId: pendingItem.id, toType: 'note', toId: note.id }, 'fromId'],
    ];
    for (const [name, body, field] of cases) {
      const response = await link(team.member, body);
      expect([name, response.status, (response.body as ApiError).error, fieldsOf(response)]).toEqual([name, 400, 'validation_failed', [field]]);
    }
    expect(await state()).toEqual(before);
    // Listing from an end that is not readable here is refused the same way.
    for (const [type, id] of [
      ['note', otherJitNote.id],
      ['evidence', pendingItem.id],
      ['task', missing],
    ]) {
      const response = await team.member.get(`${url}?subjectType=${type}&subjectId=${id}`);
      expect([type, response.status, fieldsOf(response)]).toEqual([type, 400, ['subjectId']]);
    }
  });

  it('refuses the observer with 403 links.write, but lets them read', async () => {
    const other = await newNote('The observer would link this');
    const made = (await link(team.member, { fromType: 'task', fromId: task.id, toType: 'note', toId: (await newNote('Linked by the investigator')).id })).body as Link;
    const before = await state();
    const created = await link(team.observer, { fromType: 'task', fromId: task.id, toType: 'note', toId: other.id });
    expect([created.status, (created.body as ApiError).error, (created.body as ApiError).permission]).toEqual([403, 'forbidden', 'links.write']);
    // Refused before the body is looked at.
    const invalid = await link(team.observer, { fromType: 'meeting' });
    expect([invalid.status, (invalid.body as ApiError).permission]).toEqual([403, 'links.write']);
    const removed = await team.observer.delete(`${url}/${made.id}`);
    expect([removed.status, (removed.body as ApiError).error, (removed.body as ApiError).permission]).toEqual([403, 'forbidden', 'links.write']);
    expect(await state()).toEqual(before);
    expect((await listOf(team.observer, 'task', task.id)).map((l) => l.id)).toContain(made.id);
    expect(await listOf(team.observer, 'note', other.id)).toEqual([]);
  });

  it('gives an outsider the same 404 as for a JIT that does not exist, on every route', async () => {
    const existing = (await listOf(team.member, 'task', task.id))[0];
    const missingJit = randomUUID();
    const before = await state();
    const calls: Array<[string, (jitId: string) => Promise<Response>]> = [
      ['list', (jitId) => team.outsider.get(`/api/jits/${jitId}/links?subjectType=task&subjectId=${task.id}`)],
      ['create', (jitId) => team.outsider.post(`/api/jits/${jitId}/links`, { fromType: 'task', fromId: task.id, toType: 'note', toId: note.id })],
      ['remove', (jitId) => team.outsider.delete(`/api/jits/${jitId}/links/${existing.id}`)],
      ['bad input', (jitId) => team.outsider.post(`/api/jits/${jitId}/links`, { fromType: 'meeting' })],
    ];
    for (const [name, call] of calls) {
      const real = await call(team.jit.id);
      const absent = await call(missingJit);
      expect([name, real.status, (real.body as ApiError).error]).toEqual([name, 404, 'not_found']);
      expect(real.body).toEqual(absent.body);
      expect(JSON.stringify(real.body)).not.toContain(task.id);
    }
    expect(await state()).toEqual(before);
  });

  it('removes a link: 204, gone from both ends, and the record has it added and removed', async () => {
    const a = await newTask('To unlink');
    const b = await newNote('To unlink too');
    const made = (await link(team.legalAdviser, { fromType: 'note', fromId: b.id, toType: 'task', toId: a.id })).body as Link;
    expect((await listOf(team.member, 'task', a.id)).map((l) => l.id)).toEqual([made.id]);
    const removed = await team.otherLeader.delete(`${url}/${made.id}`);
    expect(removed.status).toBe(204);
    expect(await listOf(team.member, 'task', a.id)).toEqual([]);
    expect(await listOf(team.member, 'note', b.id)).toEqual([]);
    const events = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?limit=500`)).body as AuditPage;
    const ofLink = events.items.filter((e) => e.subjectType === 'link' && e.subjectId === made.id);
    expect(ofLink.map((e) => [e.action, e.actorUserId])).toEqual([
      ['link.added', team.legalAdviser.me?.id],
      ['link.removed', team.otherLeader.me?.id],
    ]);
    expect(ofLink[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'a', from: `note:${b.id}`, to: null },
        { field: 'b', from: `task:${a.id}`, to: null },
      ]),
    );
    // The pair may be linked again afterwards.
    expect((await link(team.member, { fromType: 'task', fromId: a.id, toType: 'note', toId: b.id })).status).toBe(201);

    // Removed already, unknown, not an id, or a link of another JIT: 404, nothing written.
    const elsewhereTask = await team.leadLeader.post(`/api/jits/${otherJit.id}/tasks`, { title: 'Elsewhere' });
    const elsewhere = await team.member.post(`/api/jits/${otherJit.id}/links`, {
      fromType: 'task',
      fromId: (elsewhereTask.body as Task).id,
      toType: 'note',
      toId: otherJitNote.id,
    });
    expect(elsewhere.status).toBe(201);
    const before = await state();
    for (const id of [made.id, randomUUID(), 'not-a-link', (elsewhere.body as Link).id]) {
      const response = await team.leadLeader.delete(`${url}/${id}`);
      expect([id, response.status, (response.body as ApiError).error]).toEqual([id, 404, 'not_found']);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const valid = { fromType: 'task', fromId: task.id, toType: 'note', toId: note.id };
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    const cases: Array<[string, unknown, string, string]> = [
      ['missing fromType', without('fromType'), 'fromType', 'required'],
      ['missing fromId', without('fromId'), 'fromId', 'required'],
      ['missing toType', without('toType'), 'toType', 'required'],
      ['missing toId', without('toId'), 'toId', 'required'],
      ['a type that is not a work subject', { ...valid, toType: 'meeting' }, 'toType', 'invalid_value'],
      ['a type of the wrong type', { ...valid, fromType: 3 }, 'fromType', 'invalid_value'],
      ['an id that is not a UUID', { ...valid, fromId: 'task-1' }, 'fromId', 'invalid_value'],
      ['an id of the wrong type', { ...valid, toId: 42 }, 'toId', 'invalid_value'],
      ['an id as a list', { ...valid, toId: [note.id] }, 'toId', 'invalid_value'],
      ['an unknown field', { ...valid, direction: 'both' }, 'direction', 'unknown_field'],
      ['a null end', { ...valid, fromId: null }, 'fromId', 'required'],
    ];
    const before = await state();
    for (const [name, body, field, code] of cases) {
      const response = await link(team.member, body);
      expect([name, response.status, (response.body as ApiError).error]).toEqual([name, 400, 'validation_failed']);
      expect([name, (response.body as ApiError).details]).toEqual([name, expect.arrayContaining([{ field, code }])]);
    }
    const queries: Array<[string, string]> = [
      ['', 'subjectType'],
      [`subjectType=task`, 'subjectId'],
      [`subjectType=meeting&subjectId=${task.id}`, 'subjectType'],
      [`subjectType=task&subjectId=nope`, 'subjectId'],
      [`subjectType=task&subjectId=${task.id}&extra=1`, 'extra'],
    ];
    for (const [query, field] of queries) {
      const response = await team.member.get(`${url}?${query}`);
      expect([query, response.status, fieldsOf(response)]).toEqual([query, 400, expect.arrayContaining([field])]);
    }
    expect(await state()).toEqual(before);
  });

  it('leaves a record that still verifies', async () => {
    const response = await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit/verify`);
    expect(response.status).toBe(200);
    const verdict = response.body as ChainVerification;
    expect(verdict).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(verdict.count).toBe(verdict.headSeq);
    expect(verdict.headSeq).toBe(await headSeq(testApp, jitChain(team.jit.id)));
  });
});
