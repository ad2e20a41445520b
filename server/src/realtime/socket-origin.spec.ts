import type { IncomingHttpHeaders } from 'node:http';
import { expectedPageScheme, isSameOriginHandshake } from './socket-origin';

const handshake = (headers: IncomingHttpHeaders, secure = false) => ({ headers: { host: 'jit.example', ...headers }, secure });

describe('the origin a socket handshake may come from', () => {
  it('accepts the page of this origin on a plain http connection, and refuses the same host over https', () => {
    expect(isSameOriginHandshake(handshake({ origin: 'http://jit.example' }), false)).toBe(true);
    expect(isSameOriginHandshake(handshake({ origin: 'https://jit.example' }), false)).toBe(false);
  });

  it('accepts the https page on a TLS connection, and refuses the same host over http', () => {
    expect(isSameOriginHandshake(handshake({ origin: 'https://jit.example' }, true), false)).toBe(true);
    expect(isSameOriginHandshake(handshake({ origin: 'http://jit.example' }, true), false)).toBe(false);
  });

  it('follows X-Forwarded-Proto only behind a trusted proxy', () => {
    const behindTls = handshake({ origin: 'https://jit.example', 'x-forwarded-proto': 'https' });
    expect(isSameOriginHandshake(behindTls, true)).toBe(true);
    expect(isSameOriginHandshake(behindTls, false)).toBe(false);
    const behindPlain = handshake({ origin: 'http://jit.example', 'x-forwarded-proto': 'http' });
    expect(isSameOriginHandshake(behindPlain, true)).toBe(true);
    expect(isSameOriginHandshake(handshake({ origin: 'https://jit.example', 'x-forwarded-proto': 'http' }), true)).toBe(false);
  });

  it('reads the first X-Forwarded-Proto of a chain of proxies, as express does', () => {
    expect(expectedPageScheme(handshake({ 'x-forwarded-proto': 'HTTPS, http' }), true)).toBe('https');
    expect(expectedPageScheme(handshake({ 'x-forwarded-proto': 'http, https' }), true)).toBe('http');
    expect(expectedPageScheme(handshake({}), true)).toBe('http');
    expect(expectedPageScheme(handshake({}, true), true)).toBe('https');
  });

  it('refuses another host, another port, and origins that name no page', () => {
    for (const origin of ['http://evil.example', 'http://jit.example:8080', 'null', 'not a url']) expect(isSameOriginHandshake(handshake({ origin }), false)).toBe(false);
  });

  it('lets a handshake without Origin through: it comes from no browser, so no other site can make it', () => {
    expect(isSameOriginHandshake(handshake({}), false)).toBe(true);
  });
});
