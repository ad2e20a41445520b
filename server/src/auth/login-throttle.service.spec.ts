import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle.service';

// A real SQLite database in memory: the service's reads and writes are what is tested.
describe('LoginThrottleService', () => {
  let dataSource: DataSource;
  let throttle: LoginThrottleService;
  const t0 = new Date('2026-12-06T09:00:00.000Z');
  const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const fail = (email: string, ip: string, at: Date) => dataSource.transaction((m) => throttle.recordFailure(m, email, ip, at));

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [LoginThrottleEntity], synchronize: true });
    await dataSource.initialize();
    const config = loadConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '10', LOGIN_THROTTLE_DELAY_SECONDS: '30', LOGIN_THROTTLE_WINDOW_MINUTES: '15' });
    throttle = new LoginThrottleService(dataSource, config);
  });
  afterEach(() => dataSource.destroy());

  it('hears the free failures, then makes the account wait from that address, doubling each time up to the window', async () => {
    await fail('a@x.test', '10.0.0.1', t0);
    await fail('a@x.test', '10.0.0.1', t0);
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', t0)).toBeNull();
    await fail('a@x.test', '10.0.0.1', t0);
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', t0)).toBe(30);
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(30))).toBeNull();
    await fail('a@x.test', '10.0.0.1', later(30));
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(30))).toBe(60);
    await fail('a@x.test', '10.0.0.1', later(90));
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(90))).toBe(120);
    for (let i = 0; i < 6; i += 1) await fail('a@x.test', '10.0.0.1', later(300));
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(300))).toBe(15 * 60);
  });

  it('does not let failures from one address keep the account’s owner out from another', async () => {
    for (let i = 0; i < 8; i += 1) await fail('a@x.test', '10.0.0.66', t0);
    expect(await throttle.retryAfter('a@x.test', '10.0.0.66', t0)).toBeGreaterThan(0);
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', t0)).toBeNull();
  });

  it('slows an address that tries many accounts', async () => {
    for (let i = 0; i < 10; i += 1) await fail(`user${i}@x.test`, '10.0.0.66', t0);
    expect(await throttle.retryAfter('new@x.test', '10.0.0.66', t0)).toBe(30);
    expect(await throttle.retryAfter('new@x.test', '10.0.0.2', t0)).toBeNull();
  });

  it('forgets failures a window after the last one, and on a completed sign-in from that address', async () => {
    for (let i = 0; i < 3; i += 1) await fail('a@x.test', '10.0.0.1', t0);
    await fail('a@x.test', '10.0.0.1', later(15 * 60 + 1));
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(15 * 60 + 1))).toBeNull();
    await fail('a@x.test', '10.0.0.1', later(15 * 60 + 2));
    await dataSource.transaction((m) => throttle.clearAccount(m, 'a@x.test', '10.0.0.1'));
    await fail('a@x.test', '10.0.0.1', later(15 * 60 + 3));
    await fail('a@x.test', '10.0.0.1', later(15 * 60 + 3));
    expect(await throttle.retryAfter('a@x.test', '10.0.0.1', later(15 * 60 + 3))).toBeNull();
  });
});
