import { isCrossSiteRequest } from './cross-site';

describe('isCrossSiteRequest', () => {
  const host = 'jit.example.org';

  it('trusts what the browser says of the request’s site', () => {
    expect(isCrossSiteRequest({ host, 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' })).toBe(false);
    expect(isCrossSiteRequest({ host, 'sec-fetch-site': 'none' })).toBe(false);
    expect(isCrossSiteRequest({ host, 'sec-fetch-site': 'cross-site' })).toBe(true);
    // Another subdomain of the same site is still another origin.
    expect(isCrossSiteRequest({ host, 'sec-fetch-site': 'same-site' })).toBe(true);
  });

  it('compares the origin with the host when the browser does not say', () => {
    expect(isCrossSiteRequest({ host, origin: 'https://jit.example.org' })).toBe(false);
    expect(isCrossSiteRequest({ host, origin: 'https://evil.example' })).toBe(true);
    expect(isCrossSiteRequest({ host, origin: 'null' })).toBe(true);
  });

  it('lets a request from no browser through, which no other site can make', () => {
    expect(isCrossSiteRequest({ host })).toBe(false);
  });
});
