// The client's first load and Lighthouse's view of three screens (issue 9). Builds nothing itself:
// `npm run bench:client` builds the client and the server first. The app runs in this process on a
// throwaway data directory and serves the built client; Lighthouse 12 (desktop preset) drives
// Debian's Chromium (CHROMIUM_PATH to change) three times per page and the median is kept. The
// baseline, measured in the same run, is a page holding only a heading, served from loopback too:
// each score is printed beside it, as the ratio of the two.
const { createServer } = require('node:http');
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { PASSWORD, run, setUpJits, seedEvidence } = require('./lib/api-bench');

const RUNS = 3;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = join(__dirname, '../client/dist');
const INITIAL_SCRIPT_BUDGET = 250 * 1024;
const TARGETS = { performance: 90, accessibility: 95 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A session cookie header for the NL leader, as a browser holds it after signing in. */
async function sessionCookie(base) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nl@bench.test', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The gzipped size of every script the page fetched that the build made (the entry and what it pulls in). */
function initialScriptBytes(lhr) {
  const requests = lhr.audits['network-requests'].details.items.filter((item) => item.resourceType === 'Script');
  let total = 0;
  const files = [];
  for (const { url } of requests) {
    const path = join(DIST, new URL(url).pathname);
    if (!existsSync(path)) continue;
    const gzipped = gzipSync(readFileSync(path), { level: 9 }).length;
    total += gzipped;
    files.push(`${new URL(url).pathname.replace('/assets/', '')} ${(gzipped / 1024).toFixed(1)} KB`);
  }
  return { total, files };
}

async function lighthouseRuns(lighthouse, config, port, url, cookie) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: cookie ? { Cookie: cookie } : undefined },
      config,
    );
    runs.push(result.lhr);
  }
  const score = (category) => median(runs.map((lhr) => Math.round((lhr.categories[category].score ?? 0) * 100)));
  return { performance: score('performance'), accessibility: score('accessibility'), lhr: runs[0], finalUrl: runs[0].finalDisplayedUrl };
}

run(async (server) => {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');

  const { jits, leaderId } = await setUpJits(server);
  const jit = jits[0];
  await seedEvidence(server.dataSource, jit, leaderId);
  const cookie = await sessionCookie(server.base);

  const baseline = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><title>Baseline</title><h1>Baseline</h1></html>'),
  );
  await new Promise((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const pages = [
      { name: 'baseline (a bare page)', url: `http://127.0.0.1:${baseline.address().port}/` },
      { name: 'sign-in page', url: `${server.base}/login` },
      { name: `JIT overview`, url: `${server.base}/jits/${jit.id}`, cookie },
      { name: `evidence list (${jit.size.toLocaleString('en')} items)`, url: `${server.base}/jits/${jit.id}/evidence`, cookie },
    ];
    const results = [];
    for (const page of pages) results.push({ ...page, ...(await lighthouseRuns(lighthouse, desktop, chrome.port, page.url, page.cookie)) });

    const [base, ...screens] = results;
    console.log(`\nLighthouse ${require('lighthouse/package.json').version}, desktop preset, median of ${RUNS} runs, ${CHROMIUM}\n`);
    const header = ['page', 'performance', 'vs baseline', 'accessibility', 'vs baseline'];
    const rows = results.map((r) => [
      r.name,
      String(r.performance),
      (r.performance / base.performance).toFixed(2),
      String(r.accessibility),
      (r.accessibility / base.accessibility).toFixed(2),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of rows) console.log(line(row));
    const misses = screens.filter((r) => r.performance < TARGETS.performance || r.accessibility < TARGETS.accessibility);
    console.log(
      `\ntargets: performance >= ${TARGETS.performance}, accessibility >= ${TARGETS.accessibility}: ${misses.length === 0 ? 'every page meets them' : `missed on ${misses.map((r) => r.name).join(', ')}`}`,
    );
    for (const r of screens) if (!r.finalUrl.startsWith(r.url)) console.log(`note: ${r.name} ended at ${r.finalUrl}`);

    const signIn = screens[0];
    const initial = initialScriptBytes(signIn.lhr);
    console.log(
      `\ninitial script on the sign-in page (gzip -9): ${(initial.total / 1024).toFixed(1)} KB of a ${INITIAL_SCRIPT_BUDGET / 1024} KB budget (${(initial.total / INITIAL_SCRIPT_BUDGET).toFixed(2)}x)`,
    );
    for (const file of initial.files) console.log(`  ${file}`);
  } finally {
    await chrome.kill();
    baseline.close();
  }
});
