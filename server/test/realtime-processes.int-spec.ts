import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Task } from '@jit/shared';
import { buildTeam, createTestDatabase, createUser, type Team, type TestDatabase } from './harness';
import { startServerProcess, withOutputOf, type ServerProcess } from './server-process';
import { connect, inbox, settle, until, type ClientSocket } from './socket-client';

/**
 * Live updates behind a load balancer: two server processes (real operating-system processes, not
 * two applications in Jest's process) on one database (the fresh SQLite file of this test, or a
 * fresh MariaDB database when DATABASE_URL is set) and one Redis. Every change goes through
 * process A, every socket listens on process B, so only Redis can carry what B's sockets receive.
 * On SQLite both processes open the one file (WAL), which holds here because B only reads: SQLite
 * writes are serialised per process (Transactions), so two writing processes on one SQLite file are
 * not a deployment the workspace supports; MariaDB is.
 */
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

/** Why the server closed the socket, or null if it was still open after `ms` (listen before acting). */
function closing(socket: ClientSocket, ms = 5000): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('live updates across two server processes (Redis)', () => {
  let reachable = false;
  let database: TestDatabase | null = null;
  const processes: ServerProcess[] = [];
  let b: ServerProcess;
  let team: Team<ServerProcess>;
  const sockets: ClientSocket[] = [];
  /** A socket on process B, closed after the file. */
  const onB = async (client: Team<ServerProcess>['member']) => {
    const socket = await connect(b.baseUrl, client);
    sockets.push(socket);
    return socket;
  };
  /** Runs a test's body; when it fails, the message ends with what the server processes printed. */
  const across = (body: () => Promise<void>) => async () => {
    if (!reachable) return;
    try {
      await body();
    } catch (error) {
      throw withOutputOf(processes, error);
    }
  };

  beforeAll(async () => {
    reachable = await redisReachable();
    if (!reachable && process.env.CI) throw new Error(`CI must have Redis at ${REDIS_URL} for the two-process test`);
    if (!reachable) {
      console.warn(`\n*** NO REDIS AT ${REDIS_URL}: the two-process live-update test did not run. Start Redis to run it. ***\n`);
      return;
    }
    database = await createTestDatabase();
    // One after the other: the first runs the migrations on the fresh database, the second finds them done.
    // Channels of their own: other runs sharing this Redis neither reach these processes nor slow their cross-process requests.
    const redis = { REDIS_URL, REDIS_KEY_PREFIX: `jit-test-${randomBytes(4).toString('hex')}` };
    const a = await startServerProcess('A', database, redis, { expectSetupToken: true });
    processes.push(a);
    b = await startServerProcess('B', database, redis);
    processes.push(b);
    try {
      // Accounts, the JIT and every membership are made through A; each person's session works on B too.
      team = await buildTeam(a);
    } catch (error) {
      throw withOutputOf(processes, error);
    }
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
    // A process that died during the tests may have left them passing by accident (no event is no failure).
    const died = processes.filter((p) => p.unexpectedExit);
    if (died.length > 0) throw withOutputOf(died, new Error(died.map((p) => `server process ${p.name} ${p.unexpectedExit}`).join('; ')));
  });

  it(
    'carries a change made through process A to a member connected to process B',
    across(async () => {
      const received = inbox(await onB(team.member));
      const created = await team.leadLeader.post(`/api/jits/${team.jit.id}/tasks`, { title: 'Created through process A' });
      expect(created.status).toBe(201);
      const taskId = (created.body as Task).id;
      await until(() => received.some((e) => e.subject.id === taskId), 5000, 'task.created on process B');
      expect(received.find((e) => e.subject.id === taskId)).toEqual({ jitId: team.jit.id, seq: expect.any(Number), action: 'task.created', subject: { type: 'task', id: taskId } });
    }),
  );

  it(
    'takes a member revoked on process A out of their rooms on process B, while another member there still receives',
    across(async () => {
      const [leaving, staying] = await Promise.all([onB(team.member), onB(team.observer)]);
      const [gone, kept] = [inbox(leaving), inbox(staying)];
      const revoked = await team.leadLeader.delete(`/api/jits/${team.jit.id}/members/${team.memberships.member.id}`);
      expect(revoked.status).toBe(200);
      // They are told of their own revocation (through their user room), and of nothing after it.
      await until(() => gone.some((e) => e.action === 'member.revoked' && e.subject.id === team.memberships.member.id), 5000, 'member.revoked on process B');
      const count = gone.length;
      const created = await team.leadLeader.post(`/api/jits/${team.jit.id}/tasks`, { title: 'Created after the revocation' });
      expect(created.status).toBe(201);
      const taskId = (created.body as Task).id;
      // The member who stays gets it, so it was delivered on B; the revoked one, on the same process, does not.
      await until(() => kept.some((e) => e.subject.id === taskId), 5000, 'task.created for the member who stays');
      await settle(300);
      expect(gone.slice(count)).toEqual([]);
      expect(leaving.connected).toBe(true);
    }),
  );

  it(
    'disconnects on process B the sockets of an account disabled, and of a session ended, on process A',
    across(async () => {
      const [disabled, loggingOut, bystander] = await Promise.all([createUser(team.admin), createUser(team.admin), createUser(team.admin)]);
      const [one, two, three] = await Promise.all([onB(disabled), onB(loggingOut), onB(bystander)]);
      const oneClosed = closing(one);
      const disabling = await team.admin.patch(`/api/users/${disabled.me?.id}`, { disabled: true });
      expect(disabling.status).toBe(200);
      // `io server disconnect`: the server closed it, not the network or the client.
      expect(await oneClosed).toBe('io server disconnect');
      // A logout is found by asking every process for the user's sockets (fetchSockets through Redis).
      const twoClosed = closing(two);
      expect((await loggingOut.post('/api/auth/logout')).status).toBe(204);
      expect(await twoClosed).toBe('io server disconnect');
      expect(three.connected).toBe(true);
    }),
  );
});
