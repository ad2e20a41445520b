// The real server for npm run bench:realtime, started from server/dist/main.js in its own process on
// a fresh DATA_DIR (SQLite), and seeded through its public API only: the platform administrator,
// one JIT with two parties and a leader each (the first makes the changes), and the members whose sockets listen.
const { spawn } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const PASSWORD = 'bench password 2026';
const SEED_CONCURRENCY = 8;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A cookie jar of one browser-like session: keeps what the server sets, echoes the XSRF token. */
class Session {
  constructor() {
    this.cookies = new Map();
  }
  headers() {
    const csrf = this.cookies.get('XSRF-TOKEN');
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(csrf ? { 'x-xsrf-token': csrf } : {}) };
  }
  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

/** One API call; `auth` is a Session, a personal API token (string), or nothing. */
async function call(base, method, path, body, auth) {
  const headers = {
    'content-type': 'application/json',
    ...(auth instanceof Session ? auth.headers() : {}),
    ...(typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : {}),
  };
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (auth instanceof Session) auth.keep(res);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Starts the server (with `nodeArgs` for node itself); resolves once it answers /api/health, with the setup token it printed. */
async function startServer(children, nodeArgs = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-bench-realtime-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Request logs would cost the server time inside the measurement; errors still show.
    LOG_LEVEL: 'error',
    // Seeding hashes hundreds of passwords; the production cost would make setup, not the benchmark, slow.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
  };
  const child = spawn(process.execPath, [...nodeArgs, 'server/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let printed = '';
  const setupToken = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      printed += d.toString();
      const match = /Setup token: (\S+)/.exec(printed);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before printing its setup token: ${printed}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i === 100) throw new Error('the server did not answer /api/health within 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, dataDir, setupToken };
}

/** Creates an account as the administrator, signs it in, changes its initial password, and gives it a personal API token. */
async function personWithToken(base, admin, email, displayName) {
  const user = await call(
    base,
    'POST',
    '/api/users',
    { email, displayName, organisation: 'Bench', country: 'NL', language: 'en', timeZone: 'UTC', initialPassword: 'initial password 1' },
    admin,
  );
  const session = new Session();
  await call(base, 'POST', '/api/auth/login', { email, password: 'initial password 1' }, session);
  await call(base, 'POST', '/api/auth/password', { currentPassword: 'initial password 1', newPassword: PASSWORD }, session);
  const { token } = await call(base, 'POST', '/api/auth/tokens', { name: 'bench:realtime' }, session);
  return { userId: user.id, token };
}

/** The platform administrator, a JIT, its leaders (the first makes the changes) and `members` members, each with a token. */
async function seed(base, setupToken, members) {
  const admin = new Session();
  await call(base, 'POST', '/api/setup', { setupToken, email: 'admin@bench.test', password: PASSWORD, displayName: 'Admin' }, admin);
  const jit = await call(
    base,
    'POST',
    '/api/jits',
    {
      reference: 'BENCH-RT',
      title: 'Realtime benchmark',
      purpose: 'Benchmark',
      legalBasis: 'None',
      startDate: '2026-01-01',
      endDate: '2099-12-31',
      workingLanguage: 'en',
      statesOfOperation: ['NL'],
      leadPartyCountry: 'NL',
      parties: [
        { kind: 'party', country: 'NL', name: 'NL', authority: 'OM' },
        { kind: 'party', country: 'FR', name: 'FR', authority: 'PNAT' },
      ],
    },
    admin,
  );
  // The administrator appoints leaders only, and a leader adds members to their own party: one leader per party.
  const leaders = [];
  for (const [i, party] of jit.parties.entries()) {
    const leader = await personWithToken(base, admin, `leader${i}@bench.test`, `Leader ${party.country}`);
    await call(base, 'POST', `/api/jits/${jit.id}/members`, { userId: leader.userId, partyId: party.id, role: 'leader' }, admin);
    leaders.push(leader);
  }
  const tokens = new Array(members);
  let next = 0;
  const worker = async () => {
    while (next < members) {
      const i = next++;
      const member = await personWithToken(base, admin, `member${i}@bench.test`, `Member ${i}`);
      // Members of both parties: the JIT room is what every one of them listens on.
      await call(base, 'POST', `/api/jits/${jit.id}/members`, { userId: member.userId, partyId: jit.parties[i % 2].id, role: 'member' }, leaders[i % 2].token);
      tokens[i] = member.token;
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return { jitId: jit.id, leaderToken: leaders[0].token, memberTokens: tokens };
}

module.exports = { call, startServer, seed };
