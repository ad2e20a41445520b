// What the list benchmarks (bench/evidence-list.js, bench/api/run.js) share: the app in this process
// on a throwaway data directory, a fetch client holding its session, two JITs (1,000 and 100,000
// rows) with a leader and a member, rows seeded straight into the tables, p95 per URL and the table
// of results. Loaded from server/dist, so the server must be built first (the npm scripts do it).
require('reflect-metadata');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { createApp } = require('../../server/dist/app.factory');
const { createLogger } = require('../../server/dist/common/logger');
const { loadConfig } = require('../../server/dist/config/config.schema');
const { DataSource } = require('typeorm');

const SIZES = [1000, 100000];
const SAMPLES = 60;
// Not counted: the first requests of a URL pay for cold pages of the database and lazy set-up.
const WARMUP = 5;
const TARGET_GROWTH = 1.5;
const PASSWORD = 'member password 2026';

/** Starts the app on a loopback port; DATABASE_URL (MySQL/MariaDB) is honoured like in production. */
async function startApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-bench-api-'));
  // The one-time setup token is only printed on stdout at boot: capture it.
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk) => ((printed += chunk.toString()), true);
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', LOG_LEVEL: 'silent' });
    const { app } = await createApp(config, { logger: createLogger('silent') });
    await app.listen(0, '127.0.0.1');
    return {
      app,
      base: `http://127.0.0.1:${app.getHttpServer().address().port}`,
      dataSource: app.get(DataSource),
      setupToken: /Setup token: (\S+)/.exec(printed)[1],
      close: async () => {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } finally {
    process.stdout.write = write;
  }
}

/** A browser-like caller: keeps the session cookies and echoes the XSRF token. */
function client(base) {
  let cookies = [];
  return async function call(method, path, body) {
    const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1];
    const init = {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), ...(csrf ? { 'x-xsrf-token': csrf } : {}) },
      body: body && JSON.stringify(body),
    };
    // A keep-alive socket the server closed during the long seeding fails once; retry on a new one.
    const res = await fetch(base + path, init).catch(() => fetch(base + path, init));
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length) cookies = set;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
}

/** Signs a new account in and replaces its initial password, as the first sign-in requires. */
async function signIn(base, email, initialPassword) {
  const call = client(base);
  await call('POST', '/api/auth/login', { email, password: initialPassword });
  await call('POST', '/api/auth/password', { currentPassword: initialPassword, newPassword: PASSWORD });
  return call;
}

/**
 * The platform administrator, one JIT per entry of SIZES (parties NL and FR), and a leader of each
 * party in each (the administrator appoints leaders only). Returns the NL leader's client, who does
 * the reading.
 */
async function setUpJits(server) {
  const admin = client(server.base);
  await admin('POST', '/api/setup', { setupToken: server.setupToken, email: 'admin@bench.test', password: 'bench password 2026', displayName: 'Admin' });
  const jits = [];
  for (const size of SIZES) {
    const reference = `BENCH-${size}`;
    jits.push(
      await admin('POST', '/api/jits', {
        reference,
        title: reference,
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
      }),
    );
  }
  const newUser = (email, displayName, country) =>
    admin('POST', '/api/users', { email, displayName, organisation: 'OM', country, language: 'en', timeZone: 'UTC', initialPassword: 'initial password 1' });
  const nl = await newUser('nl@bench.test', 'NL leader', 'NL');
  const fr = await newUser('fr@bench.test', 'FR leader', 'FR');
  for (const [i, jit] of jits.entries()) {
    jit.size = SIZES[i];
    jit.nlLeader = await admin('POST', `/api/jits/${jit.id}/members`, { userId: nl.id, partyId: jit.parties[0].id, role: 'leader' });
    jit.frLeader = await admin('POST', `/api/jits/${jit.id}/members`, { userId: fr.id, partyId: jit.parties[1].id, role: 'leader' });
  }
  return { jits, leaderId: nl.id, call: await signIn(server.base, 'nl@bench.test', 'initial password 1') };
}

/** Rows written straight into the table, 1,000 per transaction: the benchmarks are about reading them. */
async function seed(dataSource, entity, count, row) {
  for (let start = 0; start < count; start += 1000) {
    await dataSource.transaction(async (manager) => {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 1000); i += 1) rows.push(row(i));
      await manager.insert(entity, rows);
    });
  }
}

const HANDLING = ['evidential_use_in_jit', 'intelligence_only', 'consent_required_outside_jit'];

/** Available evidence items: party and handling code alternate, one created per second going back. */
function seedEvidence(dataSource, jit, createdBy) {
  const now = Date.now();
  return seed(dataSource, 'EvidenceItemEntity', jit.size, (i) => ({
    id: randomUUID(),
    jitId: jit.id,
    folderId: null,
    title: `Item ${i}`,
    description: '',
    documentType: 'document',
    languages: [],
    originatingPartyId: jit.parties[i % 2].id,
    originatingAuthority: '',
    collectedBy: '',
    collectionMethod: '',
    obtainedAt: null,
    source: '',
    handlingCode: HANDLING[i % 3],
    classification: 'unclassified',
    tags: [],
    status: 'available',
    createdBy,
    createdByPartyId: jit.parties[0].id,
    createdAt: new Date(now - i * 1000),
    updatedAt: new Date(now),
    sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    size: 1000 + i,
    mimeType: 'application/pdf',
    fileName: `item-${i}.pdf`,
    duplicateOfItemId: null,
  }));
}

/** GET /api/jits/:id/evidence: sorted by date (the default) and by title, unfiltered and filtered. */
const EVIDENCE_CASES = [
  { name: 'first page', path: (jit) => `/api/jits/${jit.id}/evidence?limit=50` },
  { name: 'page 15 (by cursor)', path: (jit) => `/api/jits/${jit.id}/evidence?limit=50`, page: 15 },
  { name: 'filtered by party and handling code', path: (jit) => `/api/jits/${jit.id}/evidence?limit=50&partyId=${jit.parties[1].id}&handlingCode=intelligence_only` },
  { name: 'sorted by title', path: (jit) => `/api/jits/${jit.id}/evidence?limit=50&sort=title&order=asc` },
].map((c) => ({ list: 'evidence', ...c }));

/**
 * p95 in milliseconds of SAMPLES sequential GETs of each URL. The URLs take turns, so a burst of
 * load on the machine (GC, another process) falls on every size alike rather than on one.
 */
async function p95s(call, paths) {
  for (let i = 0; i < WARMUP; i += 1) for (const path of paths) await call('GET', path);
  const times = paths.map(() => []);
  for (let i = 0; i < SAMPLES; i += 1) {
    for (const [j, path] of paths.entries()) {
      const t = process.hrtime.bigint();
      await call('GET', path);
      times[j].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.ceil(SAMPLES * 0.95) - 1]);
}

/** The URL of page `page` (1 = first) of a keyset-paginated list, reached by following nextCursor. */
async function pageUrl(call, path, page) {
  let cursor = null;
  for (let i = 1; i < page; i += 1) {
    cursor = (await call('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).nextCursor;
    if (!cursor) throw new Error(`${path} has fewer than ${page} pages`);
  }
  return `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
}

/**
 * Measures each case on every JIT. A case is { list, name, path(jit), page? }: path is the URL of the
 * first page, with its query string; page (default 1) is reached by cursor before timing.
 */
async function measure(call, jits, cases) {
  const results = [];
  for (const c of cases) {
    const urls = [];
    for (const jit of jits) urls.push(await pageUrl(call, c.path(jit), c.page ?? 1));
    const p95 = await p95s(call, urls);
    results.push({ list: c.list, name: c.name, p95s: p95, growth: p95[p95.length - 1] / p95[0] });
  }
  return results;
}

/** The results as an aligned text table, with the verdict against the growth target. */
function printTable(title, results) {
  const header = ['list', 'case', ...SIZES.map((n) => `p95 @ ${n.toLocaleString('en')} rows`), 'growth', `target <= ${TARGET_GROWTH}x`];
  const rows = results.map((r) => [r.list, r.name, ...r.p95s.map((ms) => `${ms.toFixed(2)} ms`), `${r.growth.toFixed(2)}x`, r.growth <= TARGET_GROWTH ? 'ok' : 'ABOVE']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  // Text columns read left-aligned, figures right-aligned.
  const line = (cells) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const above = results.filter((r) => r.growth > TARGET_GROWTH).length;
  console.log(`\n${above === 0 ? `every case within ${TARGET_GROWTH}x` : `${above} of ${results.length} cases above ${TARGET_GROWTH}x`}`);
}

/** Runs a benchmark body against a fresh app and closes it; a failure sets the exit code. */
function run(body) {
  (async () => {
    const server = await startApp();
    try {
      await body(server);
    } finally {
      await server.close();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { PASSWORD, SAMPLES, WARMUP, EVIDENCE_CASES, run, setUpJits, seed, seedEvidence, measure, printTable };
