import { jitChain, PLATFORM_CHAIN, type AuditPage, type ChainVerification } from '@jit/shared';
import { jitActor, platformActor } from '../src/record/record-actor';
import { Transactions } from '../src/database/transactions';
import { RecordService } from '../src/record/record.service';
import { buildTeam, headSeq, startTestApp, type Team, type TestApp } from './harness';

/** The record is tamper-evident: every way of rewriting it directly in the database is named by verification. */
describe('the record', () => {
  let testApp: TestApp;
  let team: Team;
  let chain: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    team = await buildTeam(testApp);
    chain = jitChain(team.jit.id);
    for (let i = 0; i < 6; i += 1) {
      const response = await team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: `Title revision ${i}` });
      expect(response.status).toBe(200);
    }
  });
  afterAll(() => testApp.close());

  const verify = async (): Promise<ChainVerification> => {
    const response = await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit/verify`);
    expect(response.status).toBe(200);
    return response.body as ChainVerification;
  };

  /** Runs a tampering, checks the verdict, then restores the rows exactly. */
  async function tampered(sql: string[], restore: string[]): Promise<ChainVerification> {
    for (const statement of sql) await testApp.dataSource.query(statement);
    try {
      return await verify();
    } finally {
      for (const statement of restore) await testApp.dataSource.query(statement);
    }
  }

  const backup = async (seq: number) => {
    const [row] = await testApp.dataSource.query<Array<Record<string, string | number | null>>>(`SELECT * FROM audit_events WHERE chain = ? AND seq = ?`, [chain, seq]);
    const columns = Object.keys(row);
    const values = columns.map((c) => (row[c] === null ? 'NULL' : `'${String(row[c]).replace(/'/g, "''")}'`));
    return `INSERT INTO audit_events (${columns.join(', ')}) VALUES (${values.join(', ')})`;
  };

  it('verifies an untouched chain and records every change with its seq, actor and changed fields', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(result.count).toBe(result.headSeq);
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    const page = (await team.legalAdviser.get(`/api/jits/${team.jit.id}/audit?limit=500`)).body as AuditPage;
    expect(page.items.map((e) => e.seq)).toEqual(Array.from({ length: result.headSeq }, (_, i) => i + 1));
    const retitled = page.items.find((e) => e.action === 'jit.updated');
    expect(retitled).toMatchObject({ actorUserId: team.leadLeader.me?.id, actorTimeZone: 'Europe/Amsterdam', userAgent: 'jest-integration' });
    expect(retitled?.changes[0]).toMatchObject({ field: 'title', to: 'Title revision 0' });
    expect(retitled?.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('names an edited event', async () => {
    const restore = await backup(5);
    const result = await tampered(
      [`UPDATE audit_events SET subjectId = 'someone-else' WHERE chain = '${chain}' AND seq = 5`],
      [`DELETE FROM audit_events WHERE chain = '${chain}' AND seq = 5`, restore],
    );
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });

  it('names an event whose details were edited (their digest no longer matches)', async () => {
    const restore = await backup(4);
    const result = await tampered(
      [`UPDATE audit_events SET details = '{"changes":[],"ip":null,"userAgent":null,"timeZone":null}' WHERE chain = '${chain}' AND seq = 4`],
      [`DELETE FROM audit_events WHERE chain = '${chain}' AND seq = 4`, restore],
    );
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('names a deleted event in the middle', async () => {
    const restore = await backup(3);
    const result = await tampered([`DELETE FROM audit_events WHERE chain = '${chain}' AND seq = 3`], [restore]);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('names deleted newest events, thanks to the stored chain head', async () => {
    const head = await headSeq(testApp, chain);
    const restore = [await backup(head - 1), await backup(head)];
    const result = await tampered([`DELETE FROM audit_events WHERE chain = '${chain}' AND seq >= ${head - 1}`], restore);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: head - 1, headSeq: head });
  });

  it('names reordered events', async () => {
    const swap = (a: number, b: number) => [
      `UPDATE audit_events SET seq = -1 WHERE chain = '${chain}' AND seq = ${a}`,
      `UPDATE audit_events SET seq = ${a} WHERE chain = '${chain}' AND seq = ${b}`,
      `UPDATE audit_events SET seq = ${b} WHERE chain = '${chain}' AND seq = -1`,
    ];
    const result = await tampered(swap(6, 7), swap(6, 7));
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 6 });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('keeps the platform chain of accounts, logins and JIT creation verifiable too', async () => {
    const response = await team.admin.get('/api/audit/verify');
    expect(response.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    const page = (await team.admin.get('/api/audit?limit=500')).body as AuditPage;
    const actions = new Set(page.items.map((e) => e.action));
    for (const action of ['platform.setup_completed', 'user.created', 'auth.login', 'auth.password_changed', 'jit.created']) expect(actions).toContain(action);
    expect(page.headSeq).toBe(await headSeq(testApp, PLATFORM_CHAIN));
  });

  it('writes an action only on the chain the catalogue names, and takes the subject type from it', async () => {
    const record = testApp.app.get(RecordService);
    const transactions = testApp.app.get(Transactions);
    const context = { userId: team.leadLeader.me?.id ?? null, ip: '127.0.0.1', userAgent: 'jest-integration', timeZone: 'UTC' };
    const before = { jit: await headSeq(testApp, chain), platform: await headSeq(testApp, PLATFORM_CHAIN) };
    await expect(transactions.run((manager) => record.append(manager, platformActor(context), { action: 'jit.updated', subjectId: team.jit.id }))).rejects.toThrow(
      'jit.updated is not recorded on the platform chain',
    );
    await expect(transactions.run((manager) => record.append(manager, jitActor(context, team.jit.id, null), { action: 'auth.login', subjectId: 'someone' }))).rejects.toThrow(
      'auth.login is not recorded on the JIT chain',
    );
    expect({ jit: await headSeq(testApp, chain), platform: await headSeq(testApp, PLATFORM_CHAIN) }).toEqual(before);
    const event = await transactions.run((manager) => record.append(manager, jitActor(context, team.jit.id, null), { action: 'folder.created', subjectId: 'f-1' }));
    expect(event).toMatchObject({ chain, seq: before.jit + 1, subjectType: 'folder', visibility: 'team' });
    expect(await verify()).toMatchObject({ ok: true, headSeq: before.jit + 1 });
  });

  it('filters by actor, action and time', async () => {
    const url = `/api/jits/${team.jit.id}/audit?action=jit.updated&actorUserId=${team.leadLeader.me?.id}`;
    const page = (await team.leadLeader.get(url)).body as AuditPage;
    expect(page.items).toHaveLength(6);
    const future = (await team.leadLeader.get(`/api/jits/${team.jit.id}/audit?from=2999-01-01T00:00:00.000Z`)).body as AuditPage;
    expect(future.items).toHaveLength(0);
    const after = (await team.member.get(`/api/jits/${team.jit.id}/audit?afterSeq=3&limit=2`)).body as AuditPage;
    expect(after.items.map((e) => e.seq)).toEqual([4, 5]);
  });

  it('keeps one gap-free chain under 200 concurrent mutations', async () => {
    const before = await headSeq(testApp, chain);
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => team.leadLeader.patch(`/api/jits/${team.jit.id}`, { title: `Concurrent title ${i}` })));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, headSeq: before + 200, count: before + 200 });
    const seqs: Array<{ seq: number }> = await testApp.dataSource.query(`SELECT seq FROM audit_events WHERE chain = ? ORDER BY seq`, [chain]);
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 200 }, (_, i) => i + 1));
  });
});
