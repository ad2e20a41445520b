import { randomUUID } from 'node:crypto';
import { jitChain, type EvidenceItem, type Note, type Task } from '@jit/shared';
import { ReadAccessService, type ReadableKind, type Reader, type ReadOptions } from '../src/access/read-access.service';
import { CommentEntity } from '../src/comments/comment.entity';
import { EvidenceItemEntity } from '../src/evidence/entities';
import { AuditEventEntity } from '../src/record/audit-event.entity';
import { LinkEntity } from '../src/links/link.entity';
import { addMember, buildTeam, createJit, itemDescription, startTestApp, type ApiClient, type Team, type TestApp } from './harness';
import { TusClient } from './tus-client';

type Person = 'member' | 'observer' | 'legalAdviser' | 'otherLeader';

/**
 * The read rules of ReadAccessService, kind by kind, against a real database: the same SQL serves
 * every list (scope) and every detail (find), so each case is checked both ways.
 */
describe('ReadAccessService', () => {
  let testApp: TestApp;
  let team: Team;
  let readAccess: ReadAccessService;
  const ids: Record<string, string> = {};
  const readers = {} as Record<Person, Reader>;

  const post = async <T>(client: ApiClient, suffix: string, body: object): Promise<T> => {
    const response = await client.post(`/api/jits/${team.jit.id}${suffix}`, body);
    if (response.status !== 201) throw new Error(`${suffix}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as T;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    readAccess = testApp.app.get(ReadAccessService);
    const tus = new TusClient(team.member, team.jit.id);
    // An item whose bytes are in, and one described before them (pending, its creator's alone).
    ids.available = (await post<EvidenceItem>(team.member, '/evidence', itemDescription(team.jit, await tus.upload(Buffer.from(`read rules ${randomUUID()}`)), 'Available'))).id;
    ids.receiving = await tus.start({ length: 100, fileName: 'late.txt' });
    ids.pending = (await post<EvidenceItem>(team.member, '/evidence', itemDescription(team.jit, ids.receiving, 'Pending'))).id;
    const available = (await team.member.get(`/api/jits/${team.jit.id}/evidence/${ids.available}`)).body as EvidenceItem;
    ids.version = available.versions[0].id;
    const pending = (await team.member.get(`/api/jits/${team.jit.id}/evidence/${ids.pending}`)).body as EvidenceItem;
    ids.pendingVersion = pending.versions[0].id;
    ids.note = (await post<Note>(team.member, '/notes', { title: 'Note', body: 'Body' })).id;
    ids.task = (await post<Task>(team.leadLeader, '/tasks', { title: 'Task' })).id;
    // Comments and links that name the pending item cannot be made through the API; rows written
    // directly show that a row pointing at what the reader may not read is not there for them.
    const comment = (subjectType: 'evidence' | 'note', subjectId: string) => ({
      id: randomUUID(),
      jitId: team.jit.id,
      subjectType,
      subjectId,
      body: 'Seen',
      mentions: [],
      authorId: team.member.me?.id ?? '',
      authorPartyId: team.memberships.member.partyId,
      createdAt: new Date(),
    });
    const link = (aType: 'evidence' | 'note' | 'task', aId: string, bType: 'evidence' | 'note' | 'task', bId: string) => ({
      id: randomUUID(),
      jitId: team.jit.id,
      aType,
      aId,
      bType,
      bId,
      createdBy: team.member.me?.id ?? '',
      createdByPartyId: team.memberships.member.partyId,
      createdAt: new Date(),
    });
    const comments = { onAvailable: comment('evidence', ids.available), onPending: comment('evidence', ids.pending), onNote: comment('note', ids.note) };
    const links = { availableNote: link('evidence', ids.available, 'note', ids.note), taskPending: link('task', ids.task, 'evidence', ids.pending) };
    await testApp.dataSource.getRepository(CommentEntity).insert(Object.values(comments));
    await testApp.dataSource.getRepository(LinkEntity).insert(Object.values(links));
    Object.assign(ids, { commentOnAvailable: comments.onAvailable.id, commentOnPending: comments.onPending.id, commentOnNote: comments.onNote.id });
    Object.assign(ids, { linkAvailableNote: links.availableNote.id, linkTaskPending: links.taskPending.id });
    // A note of another JIT the member also belongs to.
    const other = await createJit(team.admin);
    await addMember(team.admin, other, team.leadLeader, 'NL', 'leader');
    await addMember(team.leadLeader, other, team.otherLeader, 'FR', 'member');
    const foreign = await team.otherLeader.post(`/api/jits/${other.id}/notes`, { title: 'Elsewhere', body: 'Body' });
    ids.foreignNote = (foreign.body as Note).id;
    // A custody read: an oversight event of the record.
    expect((await team.observer.get(`/api/jits/${team.jit.id}/evidence/${ids.available}/versions/${ids.version}/content`)).status).toBe(200);
    for (const person of ['member', 'observer', 'legalAdviser', 'otherLeader'] as const) {
      const reader = await readAccess.memberReader(team[person].me?.id ?? '', team.jit.id);
      if (!reader) throw new Error(`${person} is no member`);
      readers[person] = reader;
    }
  }, 60_000);
  afterAll(() => testApp.close());

  const CASES: Array<[Exclude<ReadableKind, 'audit_event'>, string, Person, ReadOptions, boolean]> = [
    ['evidence', 'available', 'observer', {}, true],
    ['evidence', 'pending', 'observer', {}, false],
    ['evidence', 'pending', 'observer', { ownPending: true }, false],
    ['evidence', 'pending', 'member', {}, false],
    ['evidence', 'pending', 'member', { ownPending: true }, true],
    ['version', 'version', 'otherLeader', {}, true],
    ['version', 'pendingVersion', 'otherLeader', { ownPending: true }, false],
    ['version', 'pendingVersion', 'member', {}, false],
    ['version', 'pendingVersion', 'member', { ownPending: true }, true],
    ['upload', 'receiving', 'member', {}, true],
    ['upload', 'receiving', 'legalAdviser', {}, false],
    ['note', 'note', 'observer', {}, true],
    ['note', 'foreignNote', 'otherLeader', {}, false],
    ['task', 'task', 'observer', {}, true],
    ['comment', 'commentOnAvailable', 'observer', {}, true],
    ['comment', 'commentOnNote', 'observer', {}, true],
    ['comment', 'commentOnPending', 'observer', {}, false],
    ['comment', 'commentOnPending', 'member', {}, false],
    ['link', 'linkAvailableNote', 'observer', {}, true],
    ['link', 'linkTaskPending', 'observer', {}, false],
  ];

  it.each(CASES)('%s %s read by the %s %p: %p', async (kind, name, person, options, readable) => {
    const manager = testApp.dataSource.manager;
    expect(await readAccess.find(manager, kind, ids[name], readers[person], options).then((row) => row !== null)).toBe(readable);
  });

  it('scopes a list with the same rule as a detail', async () => {
    const listed = async (person: Person, options: ReadOptions = {}) =>
      (await readAccess.scope(testApp.dataSource.getRepository(EvidenceItemEntity).createQueryBuilder('i'), 'evidence', 'i', readers[person], options).getMany())
        .map((row) => row.id)
        .sort();
    expect(await listed('observer')).toEqual([ids.available]);
    expect(await listed('member', { ownPending: true })).toEqual([ids.available, ids.pending].sort());
  });

  it('looks up titles only of what the reader may read', async () => {
    const summaries = await readAccess.summaries(readers.observer, [
      { type: 'evidence', id: ids.available },
      { type: 'evidence', id: ids.pending },
      { type: 'note', id: ids.note },
      { type: 'note', id: ids.foreignNote },
      { type: 'task', id: 'not-an-id' },
    ]);
    expect([...summaries.values()].map((s) => s.title).sort()).toEqual(['Available', 'Note']);
  });

  it("shows the record's custody reads to leaders and legal advisers, and the team's events to everyone", async () => {
    const actions = async (person: Person) => {
      const events = await readAccess.scope(testApp.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e'), 'audit_event', 'e', readers[person]).getMany();
      expect(events.every((e) => e.chain === jitChain(team.jit.id))).toBe(true);
      return new Set(events.map((e) => e.action));
    };
    const [observer, legalAdviser] = [await actions('observer'), await actions('legalAdviser')];
    expect(observer.has('evidence.uploaded')).toBe(true);
    expect(observer.has('evidence.downloaded')).toBe(false);
    expect(legalAdviser.has('evidence.downloaded')).toBe(true);
  });
});
