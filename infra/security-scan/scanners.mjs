// Runs Debian's wapiti and sqlmap the way scan.mjs needs them, and turns what they report into one
// list of findings: { tool, severity, title, where, evidence }. The same options are used against the
// planted flaws and against the product, so the proof on the one vouches for the scan of the other.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** From least to most severe; wapiti's levels 0 to 4 (wapitiCore/language/vulnerability.py) are these, in order. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
export const isMediumOrAbove = (finding) => SEVERITIES.indexOf(finding.severity) >= SEVERITIES.indexOf('medium');

/** Both tools, as Debian packages them; the scan is not run in CI, so a missing one is the operator's to install. */
export function missingTools() {
  return ['wapiti', 'sqlmap'].filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined);
}

/** Runs a tool to its end or until its time budget is spent, keeping everything it prints in `logFile`. */
function runTool(command, args, { logFile, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const log = createWriteStream(logFile);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      log.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      log.end();
      resolve({ code, output, timedOut, ms: Date.now() - started });
    });
  });
}

// ---------------------------------------------------------------- wapiti

/**
 * Modules: wapiti's defaults ("common": sql, blindsql, xss, permanentxss, exec, file, redirect, ssrf,
 * csp, cookieflags, http_headers) and the ones that fit an API behind sessions: crlf, htaccess
 * (verb tampering on what answered 401/403), methods, backup, xxe. Left out: nikto and wapp, whose
 * databases wapiti downloads at start (refused here; it says "Error downloading wapp database" and
 * goes on), buster and brute_login_form (word lists, no signal for a JSON API).
 * No `-x` exclusion: wapiti 3.0.4 crashes on any under this Python; nothing it crawls logs out (logout is a POST).
 */
function wapitiArgs({ base, startUrls, headers, dir }) {
  const args = ['-u', `${base}/`, '--scope', 'folder', '-m', 'common,crlf,htaccess,methods,backup,xxe', '--no-bugreport'];
  args.push('-f', 'json', '-o', join(dir, 'report.json'), '--flush-session', '--store-session', join(dir, 'session'), '--store-config', join(dir, 'config'));
  // A budget for the whole scan and for each module, and a request timeout above blindsql's delays.
  args.push('-d', '3', '--max-scan-time', '420', '--max-attack-time', '150', '-t', '10', '-v', '1');
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  for (const url of startUrls) args.push('-s', url);
  return args;
}

/** What wapiti crawled and the status each resource answered, from its session database. */
function wapitiCrawl(dir) {
  const sessionDir = join(dir, 'session');
  const file = existsSync(sessionDir) && readdirSync(sessionDir).find((name) => name.endsWith('.db'));
  if (!file) return [];
  const db = new Database(join(sessionDir, file), { readonly: true });
  try {
    return db.prepare('SELECT DISTINCT method, path, http_status AS status FROM paths WHERE evil = 0 ORDER BY path').all();
  } finally {
    db.close();
  }
}

function wapitiFindings(report) {
  const findings = [];
  for (const section of ['vulnerabilities', 'anomalies', 'additionals']) {
    for (const [category, entries] of Object.entries(report[section] ?? {})) {
      for (const entry of entries) {
        findings.push({
          tool: 'wapiti',
          // "additionals" are facts about the target (a fingerprint), never a flaw.
          severity: section === 'additionals' ? 'info' : (SEVERITIES[Number(entry.level)] ?? 'high'),
          title: category,
          where: `${entry.method} ${entry.path}${entry.parameter ? ` (parameter ${entry.parameter})` : ''}`,
          evidence: `${entry.info}${entry.curl_command ? `\n${entry.curl_command}` : ''}`,
        });
      }
    }
  }
  return findings;
}

/**
 * Crawls from `base` and the start URLs with the given headers (the session) and attacks every query
 * string it meets; stopped after `timeoutMs` (wapiti's own budget, --max-scan-time, is 7 minutes).
 */
export async function runWapiti({ base, startUrls, headers, dir, timeoutMs = 600_000 }) {
  mkdirSync(dir, { recursive: true });
  const run = await runTool('wapiti', wapitiArgs({ base, startUrls, headers, dir }), { logFile: join(dir, 'wapiti.log'), timeoutMs });
  const problems = [];
  if (run.timedOut) problems.push(`wapiti ran past its budget (${Math.round(timeoutMs / 1000)} s) and was stopped`);
  else if (run.code !== 0) problems.push(`wapiti exited with ${run.code}: ${run.output.trim().split('\n').slice(-5).join(' | ')}`);
  let findings = [];
  try {
    findings = wapitiFindings(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
  } catch (error) {
    problems.push(`no wapiti report: ${error.message}`);
  }
  // The out-of-band checks (ssrf, xxe) ask wapiti's own server for callbacks; on a closed network they cannot conclude.
  const limits = run.output.includes('Unable to request endpoint URL')
    ? ['ssrf and xxe could not reach their callback endpoint (wapiti3.ovh): out-of-band findings are not covered']
    : [];
  return { findings, problems, limits, crawl: wapitiCrawl(dir), ms: run.ms };
}

// ---------------------------------------------------------------- sqlmap

/**
 * Level 2 (some 400 requests per parameter, against 75 at level 1) unless the target asks for
 * another: level 3 also reaches the User-Agent and Referer headers but sends three times as many,
 * which on every route took the scan to 17 minutes. Risk 1: every technique (BEUSTQ) but no
 * OR-based payloads, which on an UPDATE could rewrite every row of a table. The session cookies are
 * never tampered with (a wrong one only answers 401, and sqlmap stops at the first 401). --skip-waf:
 * its probe takes our 400 answers to obvious attacks for a firewall. --drop-set-cookie keeps the
 * session sqlmap was given, whatever the answers set.
 */
function sqlmapArgs({ url, target, cookie, headers, dir }) {
  const { method, body, level = 2, params, ignoreCode } = target;
  const args = ['-u', url, '--batch', `--level=${level}`, '--risk=1', '--skip=jit_session,XSRF-TOKEN', '--skip-waf', '--flush-session', '--drop-set-cookie', '--disable-coloring'];
  args.push('--output-dir', dir, '--results-file', join(dir, 'results.csv'), '--timeout=15', '--retries=1');
  if (params) args.push('-p', params);
  if (ignoreCode) args.push(`--ignore-code=${ignoreCode}`);
  if (cookie) args.push('--cookie', cookie);
  const extra = Object.entries(headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  if (extra.length > 0) args.push('--headers', extra.join('\n'));
  if (method !== 'GET') args.push('--method', method, '--data', JSON.stringify(body));
  return args;
}

/** The summary line under sqlmap's "HTTP error codes detected during run:", e.g. "400 (Bad Request) - 598 times". */
const httpErrorCodes = (output) => /HTTP error codes detected during run:\n([^\n]*)/.exec(output)?.[1] ?? '';

/** The block sqlmap prints under "identified the following injection point(s)": parameter, technique, payload. */
const injectionBlocks = (output) => [...output.matchAll(/identified the following injection point\(s\)[^\n]*\n---\n([\s\S]*?)\n---/g)].map((m) => m[1].trim());

function sqlmapFindings(output, csv, where) {
  const findings = [];
  const evidence = injectionBlocks(output).join('\n\n');
  for (const line of csv.split('\n').slice(1).filter(Boolean)) {
    const [, place, parameter, techniques, note = ''] = line.split(',');
    const at = `${where} (${place} parameter ${parameter}, techniques ${techniques})`;
    // sqlmap re-tests a candidate with other arithmetic before it believes it; on a route that answers
    // a new row each time (ids, times), a boolean candidate can pass once and fail that second check.
    if (note.includes('false positive'))
      findings.push({ tool: 'sqlmap', severity: 'info', title: 'Injection candidate sqlmap rejected as a false positive', where: at, evidence: note });
    else findings.push({ tool: 'sqlmap', severity: 'critical', title: 'SQL injection', where: at, evidence });
  }
  for (const [, parameter, dbms] of output.matchAll(/heuristic \(basic\) test shows that (.+?) might be injectable \(possible DBMS: '([^']+)'\)/g)) {
    findings.push({
      tool: 'sqlmap',
      severity: 'medium',
      title: `Database error text in the answer (${dbms})`,
      where: `${where} (${parameter})`,
      evidence: 'a quote in the value made the answer name the database',
    });
  }
  for (const [, parameter] of output.matchAll(/heuristic \(XSS\) test shows that (.+?) might be vulnerable to cross-site scripting/g)) {
    findings.push({ tool: 'sqlmap', severity: 'medium', title: 'Value reflected without escaping', where: `${where} (${parameter})`, evidence: `<'"> came back verbatim` });
  }
  const serverErrors = /500 \(Internal Server Error\) - (\d+) times/.exec(httpErrorCodes(output));
  if (serverErrors) {
    findings.push({
      tool: 'sqlmap',
      severity: 'medium',
      title: 'Server error on crafted input',
      where,
      evidence: `HTTP 500 ${serverErrors[1]} times: a tampered value reached code that failed instead of refusing it`,
    });
  }
  return findings;
}

/** Messages sqlmap marks CRITICAL or ERROR that say nothing went wrong with the scan. */
const SQLMAP_NOT_A_PROBLEM = [
  // the normal end of a clean target
  'all tested parameters do not appear to be injectable',
  // a creation route answers a new row (id, time) each time: sqlmap then compares answers without those parts
  'target URL content appears to be heavily dynamic',
];

/** What stopped sqlmap from testing properly: a refused session, a target it could not reach, an unaltered request that failed. */
function sqlmapProblems(output) {
  const problems = [];
  for (const [, level, message] of output.matchAll(/\[(CRITICAL|ERROR)\] ([^\n]*)/g)) {
    if (!SQLMAP_NOT_A_PROBLEM.some((harmless) => message.startsWith(harmless))) problems.push(`${level}: ${message}`);
  }
  const original = /the web server responded with an HTTP error code \((\d+)\)/.exec(output);
  if (original) problems.push(`the unaltered request answered HTTP ${original[1]}: only what runs before that error was tested`);
  return problems;
}

/** One route: every parameter of its query string or JSON body, or the path segment marked with `*`; stopped after `timeoutMs`. */
export async function runSqlmap({ target, url, cookie, headers, dir, timeoutMs = 180_000 }) {
  mkdirSync(dir, { recursive: true });
  const run = await runTool('sqlmap', sqlmapArgs({ url, target, cookie, headers, dir }), { logFile: join(dir, 'sqlmap.log'), timeoutMs });
  let csv = '';
  try {
    csv = readFileSync(join(dir, 'results.csv'), 'utf8');
  } catch {
    // no CSV: sqlmap stopped before testing; the problems below say why
  }
  const problems = sqlmapProblems(run.output);
  if (run.timedOut) problems.push(`sqlmap ran past its budget for this route (${Math.round(timeoutMs / 1000)} s) and was stopped`);
  const tested = [...run.output.matchAll(/testing for SQL injection on (.+?)\n/g)].map((m) => m[1]);
  const findings = sqlmapFindings(run.output, csv, `${target.method} ${target.path.split('?')[0]}`);
  return { findings, problems, tested, errorCodes: httpErrorCodes(run.output), ms: run.ms };
}
