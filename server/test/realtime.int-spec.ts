import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { buildTeam, createUser, startTestApp, type ApiClient, type Team, type TestApp } from './harness';
import { connect, inbox, settle, until, type ClientSocket } from './socket-client';
import { TusClient } from './tus-client';

// The same across two server processes and Redis: realtime-processes.int-spec.ts.

async function listen(testApp: TestApp): Promise<string> {
  await testApp.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
}

describe('live updates over socket.io', () => {
  let testApp: TestApp;
  let team: Team;
  let base: string;
  const sockets: ClientSocket[] = [];
  const open = async (client: ApiClient | null) => {
    const socket = await connect(base, client);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    base = await listen(testApp);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await testApp.close();
  });

  it('refuses a handshake without a session, and one from another site', async () => {
    await expect(connect(base, null)).rejects.toThrow('unauthenticated');
    const foreign = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: `jit_session=${team.member.sessionCookie}`, origin: 'https://evil.example' },
    });
    const attempt = new Promise<void>((resolve, reject) => {
      foreign.once('connect', () => resolve());
      foreign.once('connect_error', reject);
    });
    await expect(attempt).rejects.toThrow('unauthenticated');
    foreign.close();
  });

  it('announces a change to the members of the JIT only, as ids and seq without content', async () => {
    const [member, otherParty, outsider] = await Promise.all([open(team.member), open(team.otherLeader), open(team.outsider)]);
    const [a, b, c] = [inbox(member), inbox(otherParty), inbox(outsider)];
    const response = await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: 'A new title, announced live' });
    expect(response.status).toBe(200);
    await until(() => a.length > 0 && b.length > 0);
    await settle();
    expect(a).toEqual([{ jitId: team.jit.id, seq: expect.any(Number), action: 'jit.updated', subject: { type: 'jit', id: team.jit.id } }]);
    expect(b).toEqual(a);
    expect(c).toEqual([]);
    expect(JSON.stringify(a)).not.toContain('A new title');
  });

  it('sends custody reads only to leaders and legal advisers', async () => {
    const [member, adviser] = await Promise.all([open(team.member), open(team.legalAdviser)]);
    const [memberInbox, adviserInbox] = [inbox(member), inbox(adviser)];
    const uploadId = await new TusClient(team.member, team.jit.id).upload(Buffer.from('a short statement\n'), { fileName: 'statement.txt' });
    const nl = team.jit.parties.find((p) => p.country === 'NL');
    const item = await team.member.post(`/api/jits/${team.jit.id}/evidence`, {
      uploadId,
      title: 'Statement',
      documentType: 'witness_statement',
      originatingPartyId: nl?.id,
      handlingCode: 'evidential_use_in_jit',
    });
    const versionId = (item.body as { versions: Array<{ id: string }> }).versions[0].id;
    await team.member.get(`/api/jits/${team.jit.id}/evidence/${(item.body as { id: string }).id}/versions/${versionId}/content`);
    await until(() => adviserInbox.some((e) => e.action === 'evidence.downloaded'));
    await settle();
    expect(adviserInbox.map((e) => e.action)).toEqual(['evidence.uploaded', 'evidence.downloaded']);
    expect(memberInbox.map((e) => e.action)).toEqual(['evidence.uploaded']);
  });

  it('takes a revoked member out of the rooms at once: nothing reaches them afterwards', async () => {
    const leaving = await createUser(team.admin, { displayName: 'Leaving' });
    const nl = team.jit.parties.find((p) => p.country === 'NL');
    const added = await team.leadLeader.post(`/api/jits/${team.jit.id}/members`, { userId: leaving.me?.id, partyId: nl?.id, role: 'member' });
    const socket = await open(leaving);
    const received = inbox(socket);
    await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: 'Before the revocation' });
    await until(() => received.some((e) => e.action === 'jit.updated'));
    await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${(added.body as { id: string }).id}`);
    // They are told of their own revocation, and of nothing after it.
    await until(() => received.some((e) => e.action === 'member.revoked'));
    await settle();
    const count = received.length;
    await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: 'After the revocation' });
    await settle(500);
    expect(received.slice(count)).toEqual([]);
    expect(socket.connected).toBe(true);
  });

  it('lets a member joining later receive events without reconnecting', async () => {
    const joining = await createUser(team.admin, { displayName: 'Joining' });
    const socket = await open(joining);
    const received = inbox(socket);
    const fr = team.jit.parties.find((p) => p.country === 'FR');
    await team.otherLeader.post(`/api/jits/${team.jit.id}/members`, { userId: joining.me?.id, partyId: fr?.id, role: 'member' });
    await until(() => received.some((e) => e.action === 'member.added'));
  });

  it('disconnects a disabled account and a logged-out session', async () => {
    const disabled = await createUser(team.admin);
    const loggingOut = await createUser(team.admin);
    const [one, two] = await Promise.all([open(disabled), open(loggingOut)]);
    const closed = (socket: ClientSocket) => new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const oneClosed = closed(one);
    const twoClosed = closed(two);
    await team.admin.patch(`/api/users/${disabled.me?.id}`, { disabled: true });
    await loggingOut.post('/api/auth/logout');
    await Promise.all([oneClosed, twoClosed]);
  });
});
