// npm run bench:evidence-list: GET /api/jits/:id/evidence (50 per page, keyset) with 1,000 and with
// 100,000 items in the JIT, in one run: first page, a page deep in the list (by cursor), and a
// filtered page. Prints p95 per case and the growth ratio (target: close to 1, <= 1.5).
require('reflect-metadata');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { createApp } = require('../server/dist/app.factory');
const { createLogger } = require('../server/dist/common/logger');
const { loadConfig } = require('../server/dist/config/config.schema');
const { DataSource } = require('typeorm');

const SAMPLES = 60;
const HANDLING = ['evidential_use_in_jit', 'intelligence_only', 'consent_required_outside_jit'];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-bench-list-'));
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk) => ((printed += chunk.toString()), true);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', LOG_LEVEL: 'silent' });
  const { app } = await createApp(config, { logger: createLogger('silent') });
  await app.listen(0, '127.0.0.1');
  process.stdout.write = write;
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const dataSource = app.get(DataSource);
  let cookies = [];
  const call = async (method, path, body) => {
    const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1];
    const init = { method, headers: { 'content-type': 'application/json', cookie: cookies.join('; '), ...(csrf ? { 'x-xsrf-token': csrf } : {}) }, body: body && JSON.stringify(body) };
    // A keep-alive socket the server closed during the long seeding fails once; retry on a new one.
    const res = await fetch(base + path, init).catch(() => fetch(base + path, init));
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length) cookies = set;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  try {
    await call('POST', '/api/setup', { setupToken: /Setup token: (\S+)/.exec(printed)[1], email: 'admin@bench.test', password: 'bench password 2026', displayName: 'Admin' });
    const jits = [];
    for (const reference of ['SMALL', 'LARGE']) {
      jits.push(await call('POST', '/api/jits', {
        reference, title: reference, purpose: 'Benchmark', legalBasis: 'None', startDate: '2026-01-01', endDate: '2099-12-31', workingLanguage: 'en',
        statesOfOperation: ['NL'], leadPartyCountry: 'NL',
        parties: [{ kind: 'party', country: 'NL', name: 'NL', authority: 'OM' }, { kind: 'party', country: 'FR', name: 'FR', authority: 'PNAT' }],
      }));
    }
    const user = await call('POST', '/api/users', { email: 'm@bench.test', displayName: 'M', organisation: 'OM', country: 'NL', language: 'en', timeZone: 'UTC', initialPassword: 'initial password 1' });
    for (const jit of jits) await call('POST', `/api/jits/${jit.id}/members`, { userId: user.id, partyId: jit.parties[0].id, role: 'leader' });
    // Rows are written straight into the table: the benchmark is about reading them.
    const seed = async (jit, count) => {
      const now = Date.now();
      for (let start = 0; start < count; start += 1000) {
        await dataSource.transaction(async (manager) => {
          const rows = [];
          for (let i = start; i < Math.min(count, start + 1000); i += 1) {
            rows.push({
              id: randomUUID(), jitId: jit.id, folderId: null, title: `Item ${i}`, description: '', documentType: 'document', languages: [],
              originatingPartyId: jit.parties[i % 2].id, originatingAuthority: '', collectedBy: '', collectionMethod: '', obtainedAt: null, source: '',
              handlingCode: HANDLING[i % 3], classification: 'unclassified', tags: [], status: 'available', createdBy: user.id,
              createdByPartyId: jit.parties[0].id, createdAt: new Date(now - i * 1000), updatedAt: new Date(now), sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
              size: 1000 + i, mimeType: 'application/pdf', fileName: `item-${i}.pdf`, duplicateOfItemId: null,
            });
          }
          await manager.insert('EvidenceItemRecord', rows);
        });
      }
    };
    await seed(jits[0], 1000);
    await seed(jits[1], 100000);
    cookies = [];
    await call('POST', '/api/auth/login', { email: 'm@bench.test', password: 'initial password 1' });
    await call('POST', '/api/auth/password', { currentPassword: 'initial password 1', newPassword: 'member password 2026' });
    const p95 = async (path) => {
      const times = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const t = process.hrtime.bigint();
        await call('GET', path);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return times.sort((a, b) => a - b)[Math.floor(SAMPLES * 0.95) - 1];
    };
    const deepCursor = async (jit, pages) => {
      let cursor = null;
      for (let i = 0; i < pages; i += 1) cursor = (await call('GET', `/api/jits/${jit.id}/evidence?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
      return cursor;
    };
    const cases = [
      ['first page', (jit) => `/api/jits/${jit.id}/evidence?limit=50`],
      ['page 15 (by cursor)', null],
      ['filtered by party and handling code', (jit) => `/api/jits/${jit.id}/evidence?limit=50&partyId=${jit.parties[1].id}&handlingCode=intelligence_only`],
      ['sorted by title', (jit) => `/api/jits/${jit.id}/evidence?limit=50&sort=title&order=asc`],
    ];
    console.log(`GET evidence, 50 per page, p95 of ${SAMPLES} requests (${dataSource.options.type})`);
    for (const [name, path] of cases) {
      const results = [];
      for (const jit of jits) {
        const url = path ? path(jit) : `/api/jits/${jit.id}/evidence?limit=50&cursor=${await deepCursor(jit, 15)}`;
        results.push(await p95(url));
      }
      console.log(`${name.padEnd(38)} 1,000 items ${results[0].toFixed(2)} ms   100,000 items ${results[1].toFixed(2)} ms   growth ${(results[1] / results[0]).toFixed(2)}x`);
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
