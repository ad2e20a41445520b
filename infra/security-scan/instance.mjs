// The scanned instance: the built server (server/dist/main.js serving client/dist) on a free
// loopback port, on SQLite in a throwaway DATA_DIR, seeded by `npm run demo`'s own script, plus the
// signed-in sessions and the ids the scanners need to reach real rows.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_ENTRY = join(ROOT, 'server/dist/main.js');
export const DEMO_SEED = join(ROOT, 'server/dist/demo/seed-demo.js');
export const CLIENT_INDEX = join(ROOT, 'client/dist/index.html');
export const DEMO_PASSWORD = 'demo-password-2026';
/** The demo accounts the scans run as (server/src/demo/seed-demo.ts). */
export const ACCOUNTS = { investigator: 'investigator1.nl@demo.jit', leader: 'leader.nl@demo.jit' };

/** Asks the OS for a port nobody listens on, then releases it for the server (as e2e/server-process.ts does). */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The environment of both the seeding and the server: SQLite in `dataDir` whatever the caller's
 * shell says (a DATABASE_URL or REDIS_URL left in it would point the scan at a real database), and
 * cheap password hashing, which only makes signing in faster.
 */
function instanceEnv(dataDir, extra = {}) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', ...extra };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'STORAGE_DRIVER', 'CLIENT_DIST_DIR', 'PORT', 'HOST']) if (!(name in extra)) delete env[name];
  return env;
}

function runToEnd(command, args, options) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

async function waitForHealth(base, child, logFile) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server at ${base} did not become healthy:\n${readFileSync(logFile, 'utf8')}`);
}

/** Seeds an empty DATA_DIR with the demo, then starts the server on it; leaves nothing behind if either fails. */
export async function startInstance() {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-security-scan-'));
  let child;
  try {
    return await seedAndStart(dataDir, (started) => (child = started));
  } catch (error) {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function seedAndStart(dataDir, onSpawn) {
  await runToEnd(process.execPath, [DEMO_SEED], { cwd: dataDir, env: instanceEnv(dataDir) });

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: dataDir,
    // sqlmap sends hundreds of failed sign-ins to /api/auth/login: with the default limits the throttle
    // would refuse nearly all of them, and the scan would probe the throttle, not the query behind it.
    env: instanceEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', LOGIN_MAX_FAILURES_PER_IP: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await waitForHealth(base, child, logFile);
  return {
    base,
    dataDir,
    /** What the server logged at level error or fatal (pino's 50 and 60): a 500, a failed job, a crash. */
    loggedErrors() {
      const entries = [];
      for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        try {
          entries.push(JSON.parse(line));
        } catch {
          // not a log entry (an empty line, Node's own warning)
        }
      }
      return entries.filter((entry) => entry.level >= 50);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A signed-in person as a script holds them: the `jit_session` and `XSRF-TOKEN` cookies, with the
 * token echoed in `X-XSRF-TOKEN` on every call (the server wants it on mutating ones). No Origin or
 * Sec-Fetch-Site header: like any API client, the scanners send none.
 */
export class Session {
  cookies = new Map();

  constructor(base) {
    this.base = base;
  }

  static async signIn(base, email) {
    const session = new Session(base);
    await session.call('POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
    return session;
  }

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get xsrfToken() {
    return this.cookies.get('XSRF-TOKEN') ?? '';
  }

  /** The request as sent, for fetch (here) and for the scanners' command lines (headers). */
  headers(extra = {}) {
    return { cookie: this.cookieHeader, 'x-xsrf-token': this.xsrfToken, ...extra };
  }

  async fetch(method, path, { body, headers = {} } = {}) {
    const response = await fetch(`${this.base}${path}`, { method, headers: this.headers(headers), body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async call(method, path, json) {
    const response = await this.fetch(method, path, json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

const TUS = { 'tus-resumable': '1.0.0' };
const tusMetadata = (values) =>
  Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

/**
 * One evidence item uploaded the way a tus client does it (create, then one PATCH with all the
 * bytes), so that the evidence list and detail routes have a row to find and to filter out.
 */
async function uploadEvidence(session, jit, title, text) {
  const bytes = Buffer.from(text);
  const created = await session.fetch('POST', `/api/jits/${jit.id}/uploads`, {
    headers: { ...TUS, 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata({ filename: `${title}.txt`, filetype: 'text/plain' }) },
  });
  if (created.status !== 201) throw new Error(`tus create: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location');
  const patched = await session.fetch('PATCH', location, {
    body: bytes,
    headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
  });
  if (patched.status !== 204) throw new Error(`tus patch: ${patched.status} ${await patched.text()}`);
  const party = jit.parties.find((p) => p.country === 'NL');
  return session.call('POST', `/api/jits/${jit.id}/evidence`, {
    uploadId: location.split('/').pop(),
    title,
    documentType: 'document',
    originatingPartyId: party.id,
    handlingCode: 'evidential_use_in_jit',
    tags: ['interviews'],
  });
}

/**
 * Signs in an investigator (the scans run as one) and the Dutch leader (for the routes only leaders
 * reach: tasks, members, the account lookup), adds two evidence items, and collects the ids of the
 * demo's rows the scanned routes take.
 */
export async function prepareFixtures(base) {
  const investigator = await Session.signIn(base, ACCOUNTS.investigator);
  const leader = await Session.signIn(base, ACCOUNTS.leader);
  const [jit] = await investigator.call('GET', '/api/jits');
  const fullJit = await investigator.call('GET', `/api/jits/${jit.id}`);
  const evidence = [
    await uploadEvidence(investigator, fullJit, 'Statement W-03', 'Witness statement W-03, March 2023.'),
    await uploadEvidence(investigator, fullJit, 'Statement W-07', 'Witness statement W-07, detention.'),
  ];
  const notes = await investigator.call('GET', `/api/jits/${jit.id}/notes`);
  const tasks = await investigator.call('GET', `/api/jits/${jit.id}/tasks`);
  const members = await investigator.call('GET', `/api/jits/${jit.id}/members`);
  const note = await investigator.call('GET', `/api/jits/${jit.id}/notes/${notes[0].id}`);
  // Real cursors, so that the scanners tamper with one the server decodes rather than one it refuses at once.
  const evidenceCursor = (await investigator.call('GET', `/api/jits/${jit.id}/evidence?limit=1`)).nextCursor;
  const taskCursor = (await investigator.call('GET', `/api/jits/${jit.id}/tasks?limit=1`)).nextCursor;
  const memberNamed = (email) => members.find((m) => m.email === email);
  return {
    investigator,
    leader,
    jit: fullJit,
    party: fullJit.parties.find((p) => p.country === 'NL'),
    evidence: evidence[0],
    note,
    task: tasks.items[0],
    evidenceCursor,
    taskCursor,
    // The scans never touch the investigator's own membership: a role changed by a payload would change what the rest of the scan may reach.
    otherMember: memberNamed('investigator2.nl@demo.jit'),
    assignee: memberNamed('investigator.fr@demo.jit'),
  };
}
