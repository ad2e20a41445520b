// npm run bench:upload: a file through the API (until the item is available) against writing the
// same bytes straight to the same storage adapter, in the same run, for 100 MiB and 1 GiB, on local
// disk and on the S3 test server. The server, the S3 server and the client each run in their own
// process; the server's peak RSS is read from /proc (VmHWM) after each upload.
const { spawn, execFileSync } = require('node:child_process');
const { createWriteStream, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const MIB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES_MIB ?? '100,1024').split(',').map(Number);
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'local,s3').split(',');
const root = join(__dirname, '..', '..');

function writeRandomFile(path, bytes) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    let written = 0;
    const more = () => {
      while (written < bytes) {
        const chunk = randomBytes(Math.min(4 * MIB, bytes - written));
        written += chunk.length;
        if (!out.write(chunk)) return out.once('drain', more);
      }
      out.end(resolve);
    };
    out.on('error', reject);
    more();
  });
}

function startProcess(args, env, waitFor) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d.toString();
      const match = waitFor.exec(output);
      if (match) resolve({ child, match });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)));
  });
}

const run = (args, env = {}) =>
  Number(
    execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 1e6 })
      .toString()
      .trim(),
  );
const peakRssMib = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function api(base, method, path, body, session = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(session.cookie ? { cookie: session.cookie, 'x-xsrf-token': session.csrf } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, cookies };
}

const sessionOf = (cookies) => ({ cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('XSRF-TOKEN=')).split('=')[1] });

/** A fresh server with one JIT and one leader who may upload; returns what the client needs. */
async function startServer(storageEnv, port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-bench-data-'));
  const env = { ...storageEnv, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };
  const { child, match } = await startProcess(['server/dist/main.js'], env, /Setup token: (\S+)/);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = sessionOf(
    (await api(base, 'POST', '/api/setup', { setupToken: match[1], email: 'admin@bench.test', password: 'bench password 2026', displayName: 'Admin' })).cookies,
  );
  const jit = (
    await api(
      base,
      'POST',
      '/api/jits',
      {
        reference: 'BENCH-1',
        title: 'Benchmark',
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
    )
  ).body;
  const user = (
    await api(
      base,
      'POST',
      '/api/users',
      { email: 'leader@bench.test', displayName: 'Leader', organisation: 'OM', country: 'NL', language: 'en', timeZone: 'UTC', initialPassword: 'initial password 1' },
      admin,
    )
  ).body;
  await api(base, 'POST', `/api/jits/${jit.id}/members`, { userId: user.id, partyId: jit.parties[0].id, role: 'leader' }, admin);
  let leader = sessionOf((await api(base, 'POST', '/api/auth/login', { email: 'leader@bench.test', password: 'initial password 1' })).cookies);
  await api(base, 'POST', '/api/auth/password', { currentPassword: 'initial password 1', newPassword: 'leader password 2026' }, leader);
  leader = sessionOf((await api(base, 'POST', '/api/auth/login', { email: 'leader@bench.test', password: 'leader password 2026' })).cookies);
  return { child, base, jitId: jit.id, partyId: jit.parties[0].id, leader, dataDir };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'jit-bench-'));
  const results = [];
  let port = 3900 + Math.floor(Math.random() * 50);
  try {
    for (const driver of DRIVERS) {
      const s3 = driver === 's3' ? await startProcess(['bench/upload/s3-server.js'], {}, /(\{.*\})\n/) : null;
      const s3Info = s3 ? JSON.parse(s3.match[1]) : null;
      const storageEnv = s3Info
        ? { STORAGE_DRIVER: 's3', S3_ENDPOINT: s3Info.endpoint, S3_ACCESS_KEY: s3Info.accessKey, S3_SECRET_KEY: s3Info.secretKey, S3_BUCKET: s3Info.bucket }
        : { STORAGE_DRIVER: 'local' };
      for (const mib of SIZES) {
        const file = join(work, `${mib}.bin`);
        await writeRandomFile(file, mib * MIB);
        const server = await startServer(storageEnv, (port += 1));
        const direct = run(['bench/upload/direct.js', file], { ...storageEnv, DATA_DIR: server.dataDir });
        const viaApi = run(['bench/upload/client.js', server.base, server.leader.cookie, server.leader.csrf, server.jitId, server.partyId, file]);
        const rss = peakRssMib(server.child.pid);
        const sink = await startProcess(['bench/upload/sink.js'], {}, /(\{.*\})\n/);
        const http = run(['bench/upload/client.js', `http://127.0.0.1:${JSON.parse(sink.match[1]).port}`, '', '', '--sink', '', file]);
        sink.child.kill('SIGTERM');
        server.child.kill('SIGTERM');
        rmSync(server.dataDir, { recursive: true, force: true });
        rmSync(file, { force: true });
        results.push({ driver, mib, direct, viaApi, rss });
        const mbps = (ms) => ((mib * MIB) / 1e6 / (ms / 1000)).toFixed(0);
        console.log(
          `${driver.padEnd(5)} ${String(mib).padStart(5)} MiB: direct write ${mbps(direct)} MB/s, through the API ${mbps(viaApi)} MB/s, ratio ${(direct / viaApi).toFixed(2)}; ` +
            `loopback HTTP alone ${mbps(http)} MB/s (API / HTTP ${(http / viaApi).toFixed(2)}); server peak RSS ${rss.toFixed(0)} MiB`,
        );
      }
      s3?.child.kill('SIGTERM');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nratio = throughput through the API (until the item is available) / throughput of a direct write to the same adapter; target >= 0.8');
  console.log('API / HTTP = throughput through the API / throughput of sending the same chunks to a server that discards them');
  for (const driver of DRIVERS) {
    const rows = results.filter((r) => r.driver === driver).sort((a, b) => a.mib - b.mib);
    if (rows.length >= 2)
      console.log(`${driver}: peak RSS growth from ${rows[0].mib} MiB to ${rows.at(-1).mib} MiB: ${(rows.at(-1).rss - rows[0].rss).toFixed(1)} MiB (target <= 32)`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
