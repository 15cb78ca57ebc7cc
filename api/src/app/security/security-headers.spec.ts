import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('computes the CSP and the other helmet headers from the options alone', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] } },
      hsts: false,
    });
    expect(headers['Content-Security-Policy']).toBe("default-src 'self';object-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
  });

  it('adds HSTS when asked', () => {
    expect(securityHeaders({ hsts: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });

  it('refuses options helmet rejects, at start-up rather than per request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } })).toThrow();
  });
});
