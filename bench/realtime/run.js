// npm run bench:realtime: BENCH_CLIENTS sockets (500) in one JIT receive the `jit:event` of each
// change of a burst made through the API (task creations by a leader: back-to-back, then 4 at once),
// and, in the same run, the same number of payloads of the same shape broadcast at the same moments
// by a bare socket.io server to the same clients. Prints p50/p99/max of change-to-delivery latency
// (arrival − the instant the API request was sent) next to the bare broadcast's (arrival − the
// instant of the emit), the delivery spread of each (arrival − first arrival of that event, the
// fan-out alone), and lost deliveries. Target: p99 ≤ 2 × the bare p99, nothing lost.
// The API server, the bare server and the client processes each run in their own process; this one
// seeds, drives the changes and counts. It exits non-zero only when it could not set up or run.
const { fork } = require('node:child_process');
const { rmSync } = require('node:fs');
const { availableParallelism, loadavg } = require('node:os');
const { join } = require('node:path');
const { call, startServer, seed } = require('./workspace');

const envInt = (name, fallback) => {
  const value = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const CLIENTS = envInt('BENCH_CLIENTS', 500);
// One member per socket by default: 500 people with the JIT open, each socket in its own `user:`
// room as in production. Fewer members (several sockets each, like tabs) seeds faster.
const MEMBERS = Math.min(envInt('BENCH_MEMBERS', CLIENTS), CLIENTS);
const PROCESSES = envInt('BENCH_CLIENT_PROCESSES', 4);
const CHANGES = envInt('BENCH_CHANGES', 200);
// Each API burst is followed at once by its bare replay: more, shorter bursts spread a stall
// caused by other work on the machine more evenly over both paths.
const BURSTS = Math.min(envInt('BENCH_BURSTS', 4), CHANGES);
// Requests in flight, one load after the other: back-to-back changes (each waits for nothing but
// itself), then several writers at once (each also waits for the writes and fan-outs queued before
// it: SQLite serialises the writes, and one process does them all and every fan-out).
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number);
if (!CONCURRENCY.every((c) => Number.isInteger(c) && c >= 1)) throw new Error('BENCH_CONCURRENCY must list positive integers');
const WARMUP = 20;
// Set to a folder to get a CPU profile of the API server and of the bare server there (--cpu-prof).
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
// After a burst, deliveries still missing once nothing has arrived for this long are counted lost.
const QUIET_MS = 3000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `message` (if any) to a child and resolves with its first reply of `type`. */
function ask(child, message, type) {
  return new Promise((resolve, reject) => {
    const done = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m) => {
      if (m.type === type) {
        done();
        resolve(m);
      } else if (m.type === 'error') {
        done();
        reject(new Error(m.message));
      }
    };
    const onExit = (code, signal) => {
      done();
      reject(new Error(`a child process exited (${code ?? signal}) while waiting for "${type}"`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (message) child.send(message);
  });
}

function forkChild(script, children, execArgv = []) {
  const child = fork(join(__dirname, script), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  children.push(child);
  return child;
}

/** Ends every child: SIGTERM, then SIGKILL for one that has not gone within 5 s. */
async function stopAll(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** Total arrivals so far, per source, over all client processes. */
async function arrivals(clients) {
  const counts = await Promise.all(clients.map((c) => ask(c, { type: 'count' }, 'count')));
  return { api: counts.reduce((s, c) => s + c.api, 0), bare: counts.reduce((s, c) => s + c.bare, 0) };
}

/** Waits until every socket has every event of the burst, or until arrivals stop for QUIET_MS. */
async function awaitDeliveries(clients, source, before, expected) {
  let last = before;
  let lastChange = Date.now();
  for (;;) {
    const count = (await arrivals(clients))[source];
    if (count - before >= expected) return;
    if (count !== last) [last, lastChange] = [count, Date.now()];
    else if (Date.now() - lastChange > QUIET_MS) return;
    await sleep(20);
  }
}

/** `count` task creations through the API by the leader, `concurrency` in flight; send and response instants per change. */
async function apiBurst(base, jitId, token, count, concurrency, label) {
  const sent = new Array(count);
  const answered = new Array(count);
  const ids = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      sent[i] = now();
      const task = await call(base, 'POST', `/api/jits/${jitId}/tasks`, { title: `${label} ${i}` }, token);
      answered[i] = now();
      ids[i] = task.id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { sent, answered, ids };
}

/** Per path: latencies from the origin instant of each event, spreads from its first arrival, and what was lost. */
function analyse(records, origins) {
  const latency = [];
  const firstArrival = new Map();
  const seen = new Set();
  let duplicates = 0;
  const delivered = [];
  for (const list of records) {
    for (let i = 0; i < list.length; i += 3) {
      const [socket, key, t] = [list[i], list[i + 1], list[i + 2]];
      if (!origins.has(key)) continue;
      const pair = `${socket} ${key}`;
      if (seen.has(pair)) {
        duplicates += 1;
        continue;
      }
      seen.add(pair);
      delivered.push(key, t);
      latency.push(t - origins.get(key));
      if (!(t >= firstArrival.get(key))) firstArrival.set(key, t);
    }
  }
  const spread = [];
  for (let i = 0; i < delivered.length; i += 2) spread.push(delivered[i + 1] - firstArrival.get(delivered[i]));
  const first = [...firstArrival].map(([key, t]) => t - origins.get(key));
  const sort = (values) => Float64Array.from(values).sort();
  return { latency: sort(latency), first: sort(first), spread: sort(spread), delivered: seen.size, expected: origins.size * CLIENTS, duplicates };
}

const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
const line = (name, sorted, extra = '') => console.log(`${name.padEnd(34)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 99))}${ms(sorted[sorted.length - 1])}${extra}`);

async function main() {
  const children = [];
  let dataDir = null;
  // One clean-up, however many paths ask for it (a signal, then the failure it causes in main).
  let stopped = null;
  const cleanUp = () =>
    (stopped ??= stopAll(children).then(() => {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = true;
      cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    const t0 = Date.now();
    // Other work on the machine shows in every figure here (the clients share its cores with both servers).
    const loadBefore = loadavg()[0];
    const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const server = await startServer(children, profile);
    dataDir = server.dataDir;
    const { jitId, leaderToken, memberTokens } = await seed(server.base, server.setupToken, MEMBERS);

    const bare = forkChild('bare-server.js', children, profile);
    const barePort = (await ask(bare, null, 'listening')).port;
    const clients = Array.from({ length: PROCESSES }, () => forkChild('clients.js', children));
    await Promise.all(clients.map((c) => ask(c, null, 'ready')));
    const shares = clients.map(() => []);
    for (let i = 0; i < CLIENTS; i += 1) shares[i % PROCESSES].push({ index: i, token: memberTokens[i % MEMBERS] });
    await Promise.all(clients.map((c, p) => ask(c, { type: 'connect', api: server.base, bare: `http://127.0.0.1:${barePort}`, clients: shares[p] }, 'connected')));
    const bareCount = (await ask(bare, { type: 'clients' }, 'clients')).count;
    if (bareCount !== CLIENTS) throw new Error(`the bare server holds ${bareCount} sockets, expected ${CLIENTS}`);
    const setupSeconds = (Date.now() - t0) / 1000;

    let seq = 0;
    const round = async (count, concurrency, label) => {
      const before = await arrivals(clients);
      const api = await apiBurst(server.base, jitId, leaderToken, count, concurrency, label);
      await awaitDeliveries(clients, 'api', before.api, count * CLIENTS);
      // The bare burst replays the API burst's send instants, with payloads of the same shape and size.
      const payloads = api.ids.map((id) => ({ jitId, seq: (seq += 1), action: 'task.created', subject: { type: 'task', id } }));
      const offsets = api.sent.map((t) => t - api.sent[0]);
      const { sent } = await ask(bare, { type: 'burst', offsets, payloads }, 'burst');
      await awaitDeliveries(clients, 'bare', before.bare, count * CLIENTS);
      return { api, bareOrigins: payloads.map((p, i) => [p.seq, sent[i]]) };
    };

    // Warm-up: JIT compilation on every side, and every socket's rooms joined (the server joins
    // them just after the handshake completes); its events are not measured.
    await round(WARMUP, 1, 'Warm-up');

    const loads = [];
    for (const concurrency of CONCURRENCY) {
      const load = { concurrency, apiOrigins: new Map(), bareOrigins: new Map(), roundTrips: [], busyMs: 0 };
      for (let b = 0; b < BURSTS; b += 1) {
        const count = Math.floor(CHANGES / BURSTS) + (b < CHANGES % BURSTS ? 1 : 0);
        const { api, bareOrigins } = await round(count, concurrency, `Burst ${b + 1} task`);
        api.ids.forEach((id, i) => load.apiOrigins.set(id, api.sent[i]));
        api.sent.forEach((t, i) => load.roundTrips.push(api.answered[i] - t));
        load.busyMs += Math.max(...api.answered) - api.sent[0];
        for (const [key, t] of bareOrigins) load.bareOrigins.set(key, t);
      }
      loads.push(load);
    }

    const collected = await Promise.all(clients.map((c) => ask(c, { type: 'collect' }, 'records')));
    const disconnects = collected.reduce((s, c) => s + c.disconnects, 0);

    console.log(
      `${CLIENTS} sockets (${MEMBERS} members, ${CLIENTS === MEMBERS ? 'one socket each' : `${(CLIENTS / MEMBERS).toFixed(1)} sockets each`}) in ${PROCESSES} client processes, one JIT; set-up ${setupSeconds.toFixed(0)} s; ` +
        `load average before the run ${loadBefore.toFixed(1)} on ${availableParallelism()} cores. ` +
        `Per load: ${CHANGES} changes (task creations through the API) in ${BURSTS} bursts, and as many bare broadcasts at the same instants.`,
    );
    for (const load of loads) {
      const viaApi = analyse(
        collected.map((c) => c.api),
        load.apiOrigins,
      );
      const viaBare = analyse(
        collected.map((c) => c.bare),
        load.bareOrigins,
      );
      const lost = (r) => r.expected - r.delivered;
      const rate = (CHANGES / load.busyMs) * 1000;
      console.log(
        `\n${load.concurrency === 1 ? 'back-to-back changes, 1 request in flight' : `concurrent changes, ${load.concurrency} requests in flight`}: ${rate.toFixed(0)} changes/s`,
      );
      console.log(`${''.padEnd(34)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}   deliveries`);
      line('change-to-delivery, API', viaApi.latency, `   ${viaApi.delivered}/${viaApi.expected}, lost ${lost(viaApi)}`);
      line('bare socket.io broadcast', viaBare.latency, `   ${viaBare.delivered}/${viaBare.expected}, lost ${lost(viaBare)}`);
      line('change to first delivery, API', viaApi.first);
      line('emit to first delivery, bare', viaBare.first);
      line('delivery spread, API', viaApi.spread);
      line('delivery spread, bare', viaBare.spread);
      line('API request round trip', Float64Array.from(load.roundTrips).sort());
      if (viaApi.duplicates || viaBare.duplicates) console.log(`duplicate deliveries: API ${viaApi.duplicates}, bare ${viaBare.duplicates}`);
      const ratio = percentile(viaApi.latency, 99) / percentile(viaBare.latency, 99);
      const met = ratio <= 2 && lost(viaApi) === 0;
      console.log(`ratio p99 API / p99 bare: ${ratio.toFixed(2)}; lost deliveries: ${lost(viaApi)} (target: ratio <= 2, none lost) ${met ? 'met' : 'MISSED target'}`);
    }
    if (disconnects) console.log(`\nsockets disconnected during the run: ${disconnects}`);
    console.log(
      '\nchange-to-delivery = arrival − the instant the API request was sent; bare = arrival − the instant of the emit; ' +
        'first delivery = the same for the first socket an event reached (before the fan-out); spread = arrival − first arrival of the same event (the fan-out alone)',
    );
  } finally {
    await cleanUp();
  }
}

// Set on SIGINT/SIGTERM: the requests that the clean-up then breaks are not the error to report.
let interrupted = false;
main().catch((e) => {
  if (interrupted) return;
  console.error(e);
  process.exit(1);
});
