import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { Member, Note, PresenceFocus, PresenceSnapshot, SocketAck } from '@jit/shared';
import { MembershipEntity } from '../src/members/membership.entity';
import { AccessExpiryWatch } from '../src/realtime/access-expiry.watch';
import { RealtimeGateway } from '../src/realtime/realtime.gateway';
import { addMember, buildTeam, createJit, createUser, startTestApp, type ApiClient, type Team, type TestApp } from './harness';
import { connect, settle, until, type ClientSocket } from './socket-client';

async function listen(testApp: TestApp): Promise<string> {
  await testApp.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
}

const ACK_TIMEOUT_MS = 3000;
const get = (socket: ClientSocket, jitId: string): Promise<SocketAck<PresenceSnapshot>> => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:get', { jitId });
const focus = (socket: ClientSocket, value: PresenceFocus | null): Promise<SocketAck<null>> => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:focus', value);
/** The same socket without the event map's types, to send what a well-behaved client never would. */
const untyped = (socket: ClientSocket): Socket => socket;

/** Collects the `presence:changed` announcements a socket receives. */
function changes(socket: ClientSocket): string[] {
  const received: string[] = [];
  socket.on('presence:changed', ({ jitId }) => received.push(jitId));
  return received;
}

describe('presence over socket.io', () => {
  let testApp: TestApp;
  let team: Team;
  let base: string;
  let note: Note;
  let otherJitNote: Note;
  const sockets: ClientSocket[] = [];
  const open = async (client: ApiClient) => {
    const socket = await connect(base, client);
    sockets.push(socket);
    return socket;
  };
  const snapshotOf = async (socket: ClientSocket): Promise<PresenceSnapshot> => {
    const answer = await get(socket, team.jit.id);
    if (!answer.ok) throw new Error(`presence:get failed: ${answer.error}`);
    return answer.value;
  };
  const onlineIds = async (socket: ClientSocket) => (await snapshotOf(socket)).online.map((e) => e.userId);

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    base = await listen(testApp);
    note = (await team.member.post(`/api/jits/${team.jit.id}/notes`, { title: 'Interview plan', body: 'text' })).body as Note;
    // A second JIT the member also belongs to, with a note of its own.
    const other = await createJit(team.admin);
    await addMember(team.admin, other, team.leadLeader, 'NL', 'leader');
    await addMember(team.leadLeader, other, team.member, 'NL', 'member');
    otherJitNote = (await team.member.post(`/api/jits/${other.id}/notes`, { title: 'Elsewhere', body: 'text' })).body as Note;
  });
  afterEach(async () => {
    // Every test starts with nobody online: the server has let go of every socket.
    for (const socket of sockets.splice(0)) socket.close();
    const server = testApp.app.get(RealtimeGateway).server;
    await until(() => server.of('/').sockets.size === 0, 5000, 'the server to let go of the sockets');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await testApp.close();
  });

  it('lists the members connected to the JIT with their display names, as soon as they are connected', async () => {
    const member = await open(team.member);
    // Asked at once: the socket's rooms must be settled before the server answers.
    const first = await get(member, team.jit.id);
    expect(first).toEqual({ ok: true, value: { jitId: team.jit.id, online: [{ userId: team.member.me?.id, displayName: 'Investigator', notes: [] }] } });
    const otherLeader = await open(team.otherLeader);
    const seen = await get(otherLeader, team.jit.id);
    expect(seen).toEqual({
      ok: true,
      value: {
        jitId: team.jit.id,
        online: [
          { userId: team.otherLeader.me?.id, displayName: 'French Leader', notes: [] },
          { userId: team.member.me?.id, displayName: 'Investigator', notes: [] },
        ],
      },
    });
    expect(await get(member, team.jit.id)).toEqual(seen);
  });

  it('answers a request sent with the connection itself (the client buffers it until connected)', async () => {
    for (let i = 0; i < 5; i += 1) {
      const socket: ClientSocket = io(base, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: `jit_session=${team.legalAdviser.sessionCookie}` },
      });
      sockets.push(socket);
      const early = get(socket, team.jit.id);
      const earlyFocus = focus(socket, { jitId: team.jit.id, noteId: note.id, editing: false });
      expect(await early).toMatchObject({ ok: true, value: { jitId: team.jit.id } });
      expect(await earlyFocus).toEqual({ ok: true, value: null });
      socket.close();
    }
  });

  it('shows a note being edited in the others’ snapshot and announces the change', async () => {
    const member = await open(team.member);
    const otherLeader = await open(team.otherLeader);
    await settle(400); // the announcements of the connections themselves
    const announced = changes(otherLeader);

    expect(await focus(member, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: true, value: null });
    await until(() => announced.includes(team.jit.id));
    expect(announced).toEqual([team.jit.id]);
    const snapshot = await snapshotOf(otherLeader);
    expect(snapshot.online).toEqual([
      { userId: team.otherLeader.me?.id, displayName: 'French Leader', notes: [] },
      { userId: team.member.me?.id, displayName: 'Investigator', notes: [{ noteId: note.id, editing: true }] },
    ]);

    // Changes in quick succession go out as one announcement (coalesced over 250 ms).
    await settle(400);
    announced.length = 0;
    for (const editing of [false, true, false, true]) expect(await focus(member, { jitId: team.jit.id, noteId: note.id, editing })).toEqual({ ok: true, value: null });
    await settle(600);
    expect(announced).toEqual([team.jit.id]);

    // A second tab of the same person, reading the note: one entry, both notes.
    const secondTab = await open(team.member);
    expect(await focus(secondTab, { jitId: team.jit.id, noteId: note.id, editing: false })).toEqual({ ok: true, value: null });
    const both = (await snapshotOf(otherLeader)).online.find((e) => e.userId === team.member.me?.id);
    expect(both?.notes).toEqual(
      expect.arrayContaining([
        { noteId: note.id, editing: true },
        { noteId: note.id, editing: false },
      ]),
    );
    expect(both?.notes).toHaveLength(2);
    expect((await snapshotOf(otherLeader)).online).toHaveLength(2);

    // Looking at nothing in particular: still online, no note.
    expect(await focus(member, null)).toEqual({ ok: true, value: null });
    expect(await focus(secondTab, { jitId: team.jit.id, noteId: null, editing: false })).toEqual({ ok: true, value: null });
    expect((await snapshotOf(otherLeader)).online.find((e) => e.userId === team.member.me?.id)?.notes).toEqual([]);
  });

  it('takes a disconnected member out of the snapshot and tells the others', async () => {
    const member = await open(team.member);
    const otherLeader = await open(team.otherLeader);
    // Its own answer comes once its rooms are joined; only then do the others see it.
    expect(await onlineIds(otherLeader)).toEqual([team.otherLeader.me?.id, team.member.me?.id]);
    expect(await onlineIds(member)).toEqual([team.otherLeader.me?.id, team.member.me?.id]);
    await settle(400);
    const announced = changes(member);
    otherLeader.close();
    await until(() => announced.includes(team.jit.id));
    expect(await onlineIds(member)).toEqual([team.member.me?.id]);
  });

  it('answers not_found to a non-member, for an existing JIT exactly as for one that does not exist', async () => {
    const member = await open(team.member);
    const outsider = await open(team.outsider);
    const admin = await open(team.admin);
    const announced = changes(outsider);
    const missing = randomUUID();
    // The administrator sees every agreement but is no member: not in anyone's presence either.
    expect(await get(admin, team.jit.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await get(outsider, team.jit.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await get(outsider, missing)).toEqual({ ok: false, error: 'not_found' });
    expect(await focus(outsider, { jitId: team.jit.id, noteId: null, editing: false })).toEqual({ ok: false, error: 'not_found' });
    expect(await focus(outsider, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: false, error: 'not_found' });
    expect(await focus(outsider, { jitId: missing, noteId: null, editing: false })).toEqual({ ok: false, error: 'not_found' });
    // The outsider is nowhere in the JIT's presence, and hears nothing of it.
    expect(await focus(member, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: true, value: null });
    await settle(500);
    expect(await onlineIds(member)).toEqual([team.member.me?.id]);
    expect(announced).toEqual([]);
  });

  it('refuses a focus on a note of another JIT, or one that does not exist, and keeps the previous focus', async () => {
    const member = await open(team.member);
    const observer = await open(team.observer);
    expect(await focus(member, { jitId: team.jit.id, noteId: note.id, editing: false })).toEqual({ ok: true, value: null });
    expect(await focus(member, { jitId: team.jit.id, noteId: otherJitNote.id, editing: true })).toEqual({ ok: false, error: 'not_found' });
    expect(await focus(member, { jitId: team.jit.id, noteId: randomUUID(), editing: true })).toEqual({ ok: false, error: 'not_found' });
    const entry = (await snapshotOf(observer)).online.find((e) => e.userId === team.member.me?.id);
    expect(entry?.notes).toEqual([{ noteId: note.id, editing: false }]);
  });

  it('shows an observer reading a note, and refuses to show them editing it (forbidden)', async () => {
    const observer = await open(team.observer);
    const member = await open(team.member);
    expect(await focus(observer, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: false, error: 'forbidden' });
    expect(await focus(observer, { jitId: team.jit.id, noteId: note.id, editing: false })).toEqual({ ok: true, value: null });
    const entry = (await snapshotOf(member)).online.find((e) => e.userId === team.observer.me?.id);
    expect(entry?.notes).toEqual([{ noteId: note.id, editing: false }]);
  });

  it('answers validation_failed to malformed requests and keeps working', async () => {
    const member = await open(team.member);
    const raw = untyped(member);
    const malformedFocus: unknown[] = [
      'note',
      42,
      [],
      {},
      { jitId: 'not-a-uuid', noteId: null, editing: false },
      { jitId: team.jit.id, noteId: 'not-a-uuid', editing: false },
      { jitId: team.jit.id, noteId: 7, editing: false },
      { jitId: team.jit.id, noteId: null, editing: 'yes' },
      { jitId: team.jit.id, editing: false },
      { jitId: team.jit.id, noteId: null },
    ];
    for (const payload of malformedFocus) {
      expect([payload, await raw.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:focus', payload)]).toEqual([payload, { ok: false, error: 'validation_failed' }]);
    }
    const malformedGet: unknown[] = [null, 'jit', 42, [], {}, { jitId: 5 }, { jitId: 'not-a-uuid' }];
    for (const payload of malformedGet) {
      expect([payload, await raw.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:get', payload)]).toEqual([payload, { ok: false, error: 'validation_failed' }]);
    }
    // No callback, no arguments at all, an unknown event: nothing breaks.
    raw.emit('presence:get', { jitId: team.jit.id });
    raw.emit('presence:focus');
    raw.emit('presence:get');
    raw.emit('presence:nonsense', { jitId: team.jit.id });
    await settle();
    expect(member.connected).toBe(true);
    expect(await get(member, team.jit.id)).toEqual({ ok: true, value: { jitId: team.jit.id, online: [{ userId: team.member.me?.id, displayName: 'Investigator', notes: [] }] } });
  });

  it('takes a revoked member out of the snapshot at once; their own requests are then not_found', async () => {
    const leaving = await createUser(team.admin, { displayName: 'Leaving Member' });
    const membership = await addMember(team.leadLeader, team.jit, leaving, 'NL', 'member');
    const member = await open(team.member);
    const socket = await open(leaving);
    expect(await focus(socket, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: true, value: null });
    expect(await onlineIds(member)).toContain(leaving.me?.id);
    await settle(400);
    const announced = changes(member);

    const revoked = await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${membership.id}`);
    expect(revoked.status).toBe(200);
    expect((revoked.body as Member).active).toBe(false);
    await until(() => announced.includes(team.jit.id));
    const snapshot = await snapshotOf(member);
    expect(snapshot.online.map((e) => e.userId)).toEqual([team.member.me?.id]);
    expect(await get(socket, team.jit.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await focus(socket, { jitId: team.jit.id, noteId: note.id, editing: true })).toEqual({ ok: false, error: 'not_found' });
    expect(socket.connected).toBe(true);
  });

  it('takes a member whose access has expired out of the rooms within the watch’s next look', async () => {
    const expiring = await createUser(team.admin, { displayName: 'Expiring Member' });
    const membership = await addMember(team.leadLeader, team.jit, expiring, 'NL', 'member');
    const member = await open(team.member);
    const socket = await open(expiring);
    expect(await onlineIds(member)).toContain(expiring.me?.id);
    const received: string[] = [];
    socket.on('jit:event', (event) => received.push(event.action));

    // Access ends by itself: no record event says so.
    await testApp.dataSource.getRepository(MembershipEntity).update({ id: membership.id }, { accessExpiresAt: new Date(Date.now() - 1000) });
    expect(await testApp.app.get(AccessExpiryWatch).tick(new Date())).toBeGreaterThanOrEqual(1);
    expect(await get(socket, team.jit.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await onlineIds(member)).not.toContain(expiring.me?.id);
    // Changes made afterwards reach the others, not them.
    const seen: string[] = [];
    member.on('jit:event', (event) => seen.push(event.action));
    await team.member.post(`/api/jits/${team.jit.id}/notes`, { title: 'After the expiry', body: 'text' });
    await until(() => seen.includes('note.created'));
    await settle(200);
    expect(received).toEqual([]);
  });
});
