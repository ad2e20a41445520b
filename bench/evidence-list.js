// npm run bench:evidence-list: GET /api/jits/:id/evidence (50 per page, keyset) with 1,000 and with
// 100,000 items in the JIT, in one run: first page, a page deep in the list (by cursor), and a
// filtered page. Prints p95 per case and the growth ratio (target: close to 1, <= 1.5).
// bench:api measures the same cases together with the tasks list.
const { SAMPLES, EVIDENCE_CASES, run, setUpJits, seedEvidence, measure, printTable } = require('./lib/api-bench');

run(async (server) => {
  const { jits, leaderId, call } = await setUpJits(server);
  for (const jit of jits) await seedEvidence(server.dataSource, jit, leaderId);
  printTable(`GET evidence, 50 per page, p95 of ${SAMPLES} requests (${server.dataSource.options.type})`, await measure(call, jits, EVIDENCE_CASES));
});
