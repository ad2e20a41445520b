import { Writable } from 'node:stream';
import { createLogger } from './logger';

describe('structured logs', () => {
  it('never write cookies, CSRF tokens or passwords', () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        req: { headers: { cookie: 'jit_session=secret-session', 'x-xsrf-token': 'secret-csrf', authorization: 'Bearer secret-token' } },
        body: { email: 'a@b.test', password: 'secret-password', setupToken: 'secret-setup' },
      },
      'request',
    );
    expect(output).toContain('a@b.test');
    expect(output).not.toMatch(/secret-/);
    expect(JSON.parse(output)).toMatchObject({ msg: 'request', body: { password: '[redacted]' } });
  });
});
