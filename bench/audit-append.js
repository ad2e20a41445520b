// The audit append cost per mutation: the same JIT update (one row) in a transaction, with and
// without its hash-chained audit event, measured in the same run on the same database.
// Run with `npm run bench:audit` (builds first); DATABASE_URL selects MySQL/MariaDB, else SQLite.
require('reflect-metadata');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { openDataSource } = require('../server/dist/database/data-source');
const { Transactions } = require('../server/dist/database/transactions');
const { RecordService } = require('../server/dist/record/record.service');
const { RecordEvents } = require('../server/dist/record/record-events');
const { JitAgreement } = require('../server/dist/jits/jit.entity');
const { jitChain } = require('@jit/shared');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const context = { userId: randomUUID(), timeZone: 'Europe/Paris', ip: '127.0.0.1', userAgent: 'bench' };

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'jit-bench-'));
  const dataSource = await openDataSource({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL });
  const transactions = new Transactions(dataSource);
  const record = new RecordService(dataSource, transactions, new RecordEvents());
  const id = randomUUID();
  await transactions.run(async (manager) => {
    await manager.insert(JitAgreement, {
      id,
      reference: `BENCH-${id.slice(0, 8)}`,
      title: 't',
      purpose: 'p',
      legalBasis: 'l',
      startDate: '2026-01-01',
      endDate: '2030-01-01',
      effectiveEndDate: '2030-01-01',
      workingLanguage: 'en',
      statesOfOperation: ['NL'],
      status: 'active',
      createdBy: context.userId,
      createdAt: new Date(),
      activatedAt: null,
      closedAt: null,
      maxUploadBytes: null,
      blockedTypes: [],
    });
    await record.openChain(manager, jitChain(id));
  });
  const mutate = (i, audited) =>
    transactions.run(async (manager) => {
      await manager.update(JitAgreement, { id }, { title: `title ${i}` });
      if (audited) {
        await record.append(manager, context, {
          chain: jitChain(id),
          action: 'jit.updated',
          subjectType: 'jit',
          subjectId: id,
          changes: [{ field: 'title', from: `title ${i - 1}`, to: `title ${i}` }],
        });
      }
    });
  const time = async (audited) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ROUNDS; i += 1) await mutate(i, audited);
    return Number(process.hrtime.bigint() - start) / 1e6 / ROUNDS;
  };
  // Warm up both paths, then alternate to spread any drift over both.
  await time(false);
  await time(true);
  const plain = [],
    audited = [];
  for (let r = 0; r < 3; r += 1) {
    plain.push(await time(false));
    audited.push(await time(true));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[1];
  const p = median(plain),
    a = median(audited);
  const verification = await record.verify(jitChain(id));
  console.log(`driver: ${dataSource.options.type}, ${ROUNDS} mutations per round, median of 3 rounds`);
  console.log(`mutation without audit: ${p.toFixed(3)} ms`);
  console.log(`mutation with audit:    ${a.toFixed(3)} ms`);
  console.log(`audit append cost: ${(a / p).toFixed(2)}x the mutation alone (+${(a - p).toFixed(3)} ms); chain of ${verification.count} events verifies: ${verification.ok}`);
  if (dataSource.options.type !== 'better-sqlite3') await dataSource.query('DELETE FROM audit_events WHERE chain = ?', [jitChain(id)]);
  await dataSource.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
