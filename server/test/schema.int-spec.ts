import { LoginThrottleEntity } from '../src/auth/login-throttle.entity';
import { startTestApp, type TestApp } from './harness';

describe('database schema', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('is exactly what the entities describe once the migrations have run', async () => {
    const sql = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    const ran: Array<{ name: string }> = await testApp.dataSource.query('SELECT name FROM migrations');
    expect(ran.length).toBeGreaterThan(0);
  });

  it('names every entity …Entity, so it never clashes with the contract type of its plain name', () => {
    const names = testApp.dataSource.entityMetadatas.map((m) => m.targetName);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !name.endsWith('Entity'))).toEqual([]);
  });

  it('keeps instants with millisecond precision', async () => {
    const instant = new Date('2026-03-04T05:06:07.891Z');
    await testApp.dataSource.query(`INSERT INTO login_throttle (bucket, failures, lastFailureAt) VALUES (?, ?, ?)`, ['precision-check', 1, '2026-03-04 05:06:07.891']);
    const row = await testApp.dataSource.getRepository(LoginThrottleEntity).findOneByOrFail({ bucket: 'precision-check' });
    expect(row.lastFailureAt.toISOString()).toBe(instant.toISOString());
  });
});
