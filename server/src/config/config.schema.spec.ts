import { ConfigError, loadConfig } from './config.schema';

describe('configuration', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://x@y/z'],
    ['LOG_LEVEL', 'chatty'],
    ['COOKIE_SECURE', 'yes'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_KEY_PREFIX', 'two words'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it('reads numbers and booleans from their text', () => {
    const config = loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', DATABASE_URL: 'mysql://root@127.0.0.1:3306/jit' });
    expect(config).toMatchObject({ PORT: 8080, COOKIE_SECURE: true, DATABASE_URL: 'mysql://root@127.0.0.1:3306/jit' });
  });
});
