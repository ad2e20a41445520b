import { contentSecurityPolicy, PERMISSIONS_POLICY, securityHeaders, STRICT_TRANSPORT_SECURITY } from './security-headers';

const directive = (policy: string, name: string): string | undefined => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('security headers', () => {
  it('asks browsers to keep to TLS only when the request came over TLS, never on plain http', () => {
    expect(securityHeaders({ secure: true, host: 'jit.example' })['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders({ secure: false, host: 'localhost:3000' })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('allows camera and microphone to this origin only and denies the features the workspace never uses, over http and https', () => {
    for (const secure of [false, true]) {
      const policy = securityHeaders({ secure, host: 'jit.example' })['Permissions-Policy'];
      expect(policy).toBe(PERMISSIONS_POLICY);
      expect(policy.split(', ')).toEqual(expect.arrayContaining(['camera=(self)', 'microphone=(self)', 'geolocation=()', 'payment=()', 'usb=()']));
    }
  });

  it("names the page's own websocket in connect-src, with the scheme of the request, and no other socket host", () => {
    expect(directive(contentSecurityPolicy({ secure: false, host: 'localhost:8080' }), 'connect-src')).toBe("connect-src 'self' ws://localhost:8080");
    expect(directive(contentSecurityPolicy({ secure: true, host: 'jit.example' }), 'connect-src')).toBe("connect-src 'self' wss://jit.example");
    expect(directive(contentSecurityPolicy({ secure: false, host: '[::1]:3000' }), 'connect-src')).toBe("connect-src 'self' ws://[::1]:3000");
  });

  it("writes no socket from a host that could change the policy, leaving 'self'", () => {
    for (const host of [undefined, '', "evil.example; script-src 'unsafe-inline'", 'a b', 'jit.example/path']) {
      const policy = contentSecurityPolicy({ secure: false, host });
      expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
      expect(policy.split('; ')).toHaveLength(9);
    }
  });

  it('keeps inline script forbidden and the page out of frames', () => {
    const policy = contentSecurityPolicy({ secure: true, host: 'jit.example' });
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(policy).not.toMatch(/\bws:|\bwss:(?!\/\/jit\.example)/);
    expect(securityHeaders({ secure: false, host: 'jit.example' })).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  });
});
