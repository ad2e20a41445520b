import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JitEventPayload, ServerToClientEvents } from '@jit/shared';
import { buildTeam, createUser, startTestApp, type ApiClient, type Team, type TestApp } from './harness';
import { TusClient } from './tus-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function listen(testApp: TestApp): Promise<string> {
  await testApp.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
}

/** A real socket.io client, authenticated as a browser is: with the session cookie. */
function connect(base: string, client: ApiClient | null): Promise<ClientSocket> {
  const socket: ClientSocket = io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: client?.sessionCookie ? { cookie: `jit_session=${client.sessionCookie}` } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects the invalidations a socket receives. */
function inbox(socket: ClientSocket): JitEventPayload[] {
  const received: JitEventPayload[] = [];
  socket.on('jit:event', (payload) => received.push(payload));
  return received;
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; !check(); waited += 25) {
    if (waited > timeoutMs) throw new Error('timed out waiting for an event');
    await settle(25);
  }
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
    const foreign = io(base, { path: '/socket.io', transports: ['websocket'], reconnection: false, extraHeaders: { cookie: `jit_session=${team.member.sessionCookie}`, origin: 'https://evil.example' } });
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
    const item = await team.member.post(`/api/jits/${team.jit.id}/evidence`, { uploadId, title: 'Statement', documentType: 'witness_statement', originatingPartyId: nl?.id, handlingCode: 'evidential_use_in_jit' });
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

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe('live updates across two server processes (Redis)', () => {
  let reachable = false;
  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable && process.env.CI) throw new Error(`CI must have Redis at ${REDIS_URL} for the two-process test`);
    if (!reachable) console.warn(`\n*** NO REDIS AT ${REDIS_URL}: the two-process live-update test did not run. Start Redis to run it. ***\n`);
  });

  it('carries a change made through process A to a client of process B, and a revocation on A empties its rooms on B', async () => {
    if (!reachable) return;
    const first = await startTestApp({ REDIS_URL });
    const second = await startTestApp({ REDIS_URL }, first);
    const secondBase = await listen(second);
    const sockets: ClientSocket[] = [];
    try {
      const team = await buildTeam(first);
      const socket = await connect(secondBase, team.member);
      sockets.push(socket);
      const received = inbox(socket);
      await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: 'Changed on process A' });
      await until(() => received.some((e) => e.action === 'jit.updated'));
      await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${team.memberships.member.id}`);
      await settle(500);
      const count = received.length;
      await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: 'Changed again on process A' });
      await settle(700);
      expect(received.slice(count)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.close();
      await second.close();
      await first.close();
    }
  });
});
