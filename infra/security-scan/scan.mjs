// `npm run security:scan`: the scans an attacker ran, repeated against a seeded local instance.
// 1. Proof: wapiti and sqlmap, with the options used below, against a server with a planted reflected
//    XSS and a planted SQL injection (planted-flaws.mjs). A scanner that misses its planted flaw fails
//    the run: a scan that finds nothing proves nothing unless it would have found something.
// 2. The product: the built server on SQLite in a throwaway directory, seeded by `npm run demo`'s
//    script, with an investigator and a leader signed in. wapiti crawls the client and the API's GET
//    routes with the investigator's session; sqlmap tests query strings, JSON bodies, path ids and
//    stored headers of the routes in targets.mjs, each with the session it needs. The server's log is
//    read afterwards for errors the answers did not show.
// Exit 1 on any finding of medium severity or above, on a failed proof, or on a scan that could not
// run as intended (signed out, unreachable, over its time budget). Exit 2 when a tool is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, CLIENT_INDEX, DEMO_SEED, SERVER_ENTRY, prepareFixtures, Session, startInstance } from './instance.mjs';
import { startPlantedFlaws } from './planted-flaws.mjs';
import { isMediumOrAbove, missingTools, runSqlmap, runWapiti, SEVERITIES } from './scanners.mjs';
import { sqlmapTargets, wapitiStartPaths } from './targets.mjs';

const KEEP = process.env.SECURITY_SCAN_KEEP === '1';
const started = Date.now();
// The whole run ends within 15 minutes: each tool gets at most what is left (and its own cap).
const DEADLINE = started + 15 * 60_000;
const budget = (cap) => Math.max(0, Math.min(cap, DEADLINE - Date.now()));
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const say = (line = '') => console.log(line);
const heading = (title) => say(`\n=== ${title} (${elapsed()})`);

function printFindings(findings) {
  const sorted = [...findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  for (const f of sorted) {
    say(`  [${f.severity.toUpperCase()}] ${f.tool}: ${f.title} at ${f.where}`);
    if (f.evidence) for (const line of f.evidence.split('\n')) say(`      ${line}`);
  }
}

/** The planted flaws, found by the same scanner options as the product's scan. */
async function provePlantedFlaws(workDir) {
  heading('proof: the scanners find flaws planted on purpose');
  const planted = await startPlantedFlaws();
  try {
    const wapiti = await runWapiti({ base: planted.base, startUrls: [], headers: {}, dir: join(workDir, 'proof-wapiti'), timeoutMs: budget(120_000) });
    const xss = wapiti.findings.filter((f) => f.title === 'Cross Site Scripting' && f.where.startsWith('GET /greet'));
    say(`wapiti on ${planted.base}/ (${Math.round(wapiti.ms / 1000)} s): ${xss.length > 0 ? 'found the planted reflected XSS' : 'MISSED the planted reflected XSS'}`);
    printFindings(xss);

    const target = { name: 'planted injection', method: 'POST', path: '/api/witnesses/search', body: { name: 'W-03' } };
    const sqlmap = await runSqlmap({ target, url: `${planted.base}${target.path}`, dir: join(workDir, 'proof-sqlmap'), timeoutMs: budget(120_000) });
    const injection = sqlmap.findings.filter((f) => f.title === 'SQL injection');
    say(`sqlmap on POST ${target.path} (${Math.round(sqlmap.ms / 1000)} s): ${injection.length > 0 ? 'found the planted SQL injection' : 'MISSED the planted SQL injection'}`);
    printFindings(injection);
    return xss.length > 0 && injection.length > 0;
  } finally {
    planted.close();
  }
}

/** Still signed in after a scan: otherwise it may have run against 401s rather than the routes. */
async function signedOutProblems(sessions) {
  const problems = [];
  for (const [name, session] of Object.entries(sessions)) {
    const status = await session.fetch('GET', '/api/auth/me').then(
      (res) => res.status,
      (error) => `unreachable (${error.message})`,
    );
    if (status !== 200) problems.push(`the ${name}'s session answered ${status} on GET /api/auth/me afterwards: the scan may have run signed out`);
  }
  return problems;
}

async function scanProduct(workDir) {
  heading('the product: seeding the demo and starting the built server');
  const instance = await startInstance();
  say(`server at ${instance.base}, DATA_DIR ${instance.dataDir} (SQLite)`);
  const findings = [];
  const problems = [];
  const limits = [];
  try {
    const fixtures = await prepareFixtures(instance.base);
    say(`signed in: ${ACCOUNTS.investigator} (investigator) and ${ACCOUNTS.leader} (leader); 2 evidence items uploaded`);

    heading('wapiti: crawl and attack as the investigator');
    const startUrls = wapitiStartPaths(fixtures).map((path) => `${instance.base}${path}`);
    const wapiti = await runWapiti({ base: instance.base, startUrls, headers: fixtures.investigator.headers(), dir: join(workDir, 'wapiti'), timeoutMs: budget(600_000) });
    say(`${wapiti.crawl.length} resources crawled in ${Math.round(wapiti.ms / 1000)} s:`);
    for (const { method, path, status } of wapiti.crawl) say(`  ${status} ${method} ${path.replace(instance.base, '')}`);
    const refused = wapiti.crawl.filter((r) => r.path.includes('/api/') && (r.status === 401 || r.status === 403));
    if (refused.length > 0) problems.push(`wapiti was refused on ${refused.length} API routes: its session did not hold`);
    problems.push(...(await signedOutProblems({ investigator: fixtures.investigator })));
    findings.push(...wapiti.findings);
    problems.push(...wapiti.problems);
    limits.push(...wapiti.limits);

    heading('sqlmap: query strings, JSON bodies, path ids and stored headers');
    const targets = sqlmapTargets(fixtures);
    const route = (target) => `${target.method} ${target.path.split('?')[0].replace(fixtures.jit.id, ':jitId')}`;
    for (const [i, target] of targets.entries()) {
      if (budget(Infinity) < 10_000) {
        problems.push(`sqlmap ${route(target)}: not scanned, the 15 minutes were spent`);
        continue;
      }
      // A fresh sign-in per route: each starts with a full idle time and a recent proof of identity,
      // which the step-up routes (members) want, however long the routes before it took.
      const session = target.as ? await Session.signIn(instance.base, ACCOUNTS[target.as]) : null;
      const result = await runSqlmap({
        target,
        url: `${instance.base}${target.path}`,
        cookie: session?.cookieHeader,
        headers: session ? { 'X-XSRF-TOKEN': session.xsrfToken } : {},
        dir: join(workDir, `sqlmap-${String(i + 1).padStart(2, '0')}`),
        timeoutMs: budget(180_000),
      });
      const found = result.findings.filter(isMediumOrAbove).length;
      say(`${String(i + 1).padStart(2)}. ${route(target)} [${target.name}, as ${target.as ?? 'nobody'}] ${Math.round(result.ms / 1000)} s, ${found} findings`);
      say(`      tested: ${result.tested.join(', ') || 'nothing'}`);
      if (result.errorCodes) say(`      refusals among its answers: ${result.errorCodes}`);
      if (result.tested.length === 0) result.problems.push('no parameter was tested');
      if (session) result.problems.push(...(await signedOutProblems({ [target.as]: session })));
      findings.push(...result.findings);
      problems.push(...result.problems.map((p) => `sqlmap ${route(target)}: ${p}`));
    }
    const health = await fetch(`${instance.base}/api/health`).then(
      (res) => res.status,
      () => 'unreachable',
    );
    if (health !== 200) problems.push(`the server's health answered ${health} after the scan`);
    // A tampered request the server failed on, even where the answer hid it.
    for (const entry of instance.loggedErrors()) {
      const request = entry.req ? `${entry.req.method} ${entry.req.url}` : 'the server';
      findings.push({
        tool: 'server log',
        severity: 'medium',
        title: 'Error logged during the scan',
        where: request,
        evidence: String(entry.err?.message ?? entry.msg).slice(0, 500),
      });
    }
  } finally {
    await instance.stop();
  }
  return { findings, problems, limits };
}

async function main() {
  const missing = missingTools();
  if (missing.length > 0) {
    console.error(`Missing: ${missing.join(', ')}. On Debian or Ubuntu: sudo apt-get install -y wapiti sqlmap (the scan expects wapiti 3.0.x and sqlmap 1.7.x).`);
    process.exit(2);
  }
  for (const built of [SERVER_ENTRY, DEMO_SEED, CLIENT_INDEX]) {
    if (!existsSync(built)) {
      console.error(`${built} is missing: run "npm run build" first (npm run security:scan does).`);
      process.exit(2);
    }
  }
  const workDir = mkdtempSync(join(tmpdir(), 'jit-security-scan-reports-'));
  let failed = false;
  try {
    const proven = await provePlantedFlaws(workDir);
    if (!proven) failed = true;
    const { findings, problems, limits } = await scanProduct(workDir);

    heading('findings on the product');
    if (findings.length === 0) say('  none');
    printFindings(findings);
    const serious = findings.filter(isMediumOrAbove);

    heading('summary');
    say(
      `planted-flaw proof: ${proven ? 'passed (wapiti found the XSS, sqlmap the injection)' : 'FAILED: a scanner missed its planted flaw, so its silence on the product means nothing'}`,
    );
    const counts = SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
    say(`product findings: ${counts}`);
    for (const problem of problems) say(`scan problem: ${problem}`);
    for (const limit of limits) say(`not covered: ${limit}`);
    say(`reports and tool logs: ${KEEP ? workDir : `${workDir} (removed; SECURITY_SCAN_KEEP=1 keeps them)`}`);
    say(`took ${elapsed()}`);
    if (serious.length > 0 || problems.length > 0) failed = true;
    say(failed ? '\nFAILED' : '\nPASSED: no finding of medium severity or above');
  } finally {
    if (!KEEP) rmSync(workDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
