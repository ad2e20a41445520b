// npm run bench:api: the JIT's list endpoints, 50 per page (keyset), with 1,000 and with 100,000
// rows in the JIT, measured in one run on one database: GET /api/jits/:id/tasks and
// GET /api/jits/:id/evidence, first page, a page deep in the list (by cursor) and filtered pages.
// Prints p95 per case and the growth from 1,000 to 100,000 rows (target <= 1.5x: a page must not
// cost more because more rows come before it). DATABASE_URL selects MySQL/MariaDB, else SQLite.
const { randomUUID } = require('node:crypto');
const { SAMPLES, WARMUP, EVIDENCE_CASES, run, setUpJits, seed, seedEvidence, measure, printTable } = require('../lib/api-bench');

const STATUSES = ['todo', 'in_progress', 'blocked', 'done'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/**
 * Tasks spread over the four columns in order (position = rank in the column); a third assigned to
 * the NL leader, a third to the FR leader, a third to no one; one in five overdue.
 */
function seedTasks(dataSource, jit, createdBy) {
  const now = new Date();
  const assignees = [jit.nlLeader, jit.frLeader, null];
  return seed(dataSource, 'TaskEntity', jit.size, (i) => ({
    id: randomUUID(),
    jitId: jit.id,
    title: `Task ${i}`,
    description: '',
    status: STATUSES[i % 4],
    position: Math.floor(i / 4),
    priority: PRIORITIES[i % 4],
    assigneeMemberId: assignees[i % 3]?.id ?? null,
    assigneeUserId: assignees[i % 3]?.userId ?? null,
    assigningPartyId: jit.parties[0].id,
    dueDate: i % 5 === 0 ? '2020-01-01' : '2099-12-31',
    labels: [],
    checklist: [],
    createdBy,
    createdAt: now,
    updatedAt: now,
  }));
}

const TASK_CASES = [
  { name: 'first page', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50` },
  { name: 'page 15 (by cursor)', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50`, page: 15 },
  { name: 'one column (status=in_progress)', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&status=in_progress` },
  { name: 'one column, page 4 (by cursor)', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&status=in_progress`, page: 4 },
  { name: 'filtered by assignee', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&assigneeMemberId=${jit.frLeader.id}` },
  { name: 'filtered by assignee, page 4', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&assigneeMemberId=${jit.frLeader.id}`, page: 4 },
  { name: "filtered by the assignee's party", path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&partyId=${jit.parties[1].id}` },
  { name: 'overdue', path: (jit) => `/api/jits/${jit.id}/tasks?limit=50&overdue=true` },
].map((c) => ({ list: 'tasks', ...c }));

run(async (server) => {
  const { dataSource } = server;
  const { jits, leaderId, call } = await setUpJits(server);
  for (const jit of jits) {
    await seedTasks(dataSource, jit, leaderId);
    await seedEvidence(dataSource, jit, leaderId);
  }
  const results = await measure(call, jits, [...TASK_CASES, ...EVIDENCE_CASES]);
  printTable(`GET tasks and evidence of a JIT, 50 per page, p95 of ${SAMPLES} requests after ${WARMUP} unmeasured (${dataSource.options.type})`, results);
});
