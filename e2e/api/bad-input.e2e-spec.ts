import { ApiClient } from './support/api-client';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

describe('Bad input gets a clear 4xx and writes nothing', () => {
  let t: TestApp;
  let office: Office;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    admin = await office.as('admin');
  });
  afterAll(() => t.close());

  const expectApiError = (
    res: { status: number; body: Record<string, unknown>; text: string },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code });
    expect(typeof res.body['message']).toBe('string');
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it('malformed JSON', async () => {
    const csrf = await admin.csrfHeader();
    const raw = await admin
      .raw()
      .post('/api/admin/departments')
      .set(csrf)
      .set('Content-Type', 'application/json')
      .send('{"symbol": "AB", ');
    expectApiError(raw, 400, 'MALFORMED_JSON');
    const empty = await admin.post('/api/admin/departments', undefined, { 'Content-Type': 'application/json' });
    expectApiError(empty, 422, 'VALIDATION_FAILED');
  });

  it('unknown fields and wrong types', async () => {
    const res = await admin.post('/api/admin/departments', { symbol: 42, name: ['x'], sneaky: 'x' });
    expectApiError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['name', 'sneaky', 'symbol']);
  });

  it('oversized bodies', async () => {
    const res = await admin.post('/api/admin/departments', { symbol: 'BIG', name: 'x'.repeat(300_000) });
    expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('unknown routes', async () => {
    expectApiError(await admin.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectApiError(await admin.get('/api/admin/users/not-a-uuid'), 404, 'NOT_FOUND');
    expectApiError(await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('missing or expired session', async () => {
    expectApiError(await new ApiClient(t.app).get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    const forged = await new ApiClient(t.app).raw().get('/api/auth/me').set('Cookie', 'pu_session=forged');
    expectApiError(forged, 401, 'UNAUTHENTICATED');
  });

  it('answers a request id with every response', async () => {
    const res = await admin.get('/api/auth/me');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers and the ETag of a versioned record', async () => {
    for (const res of [await admin.get('/api/auth/me'), await admin.get('/api/no-such-thing')]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const departments = await admin.get('/api/admin/departments');
    const first = (departments.body as { id: string; version: number }[])[0];
    const one = await admin.get(`/api/admin/departments/${first.id}`);
    expect(one.headers['etag']).toBe(`"${first.version}"`);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await new ApiClient(t.app).get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin/users', '/api/health/ready']),
    );
  });

  it('reports health and readiness', async () => {
    expect((await new ApiClient(t.app).get('/api/health')).body).toEqual({ status: 'ok' });
    const ready = await new ApiClient(t.app).get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
  });
});
