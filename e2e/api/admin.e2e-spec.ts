import { ApiClient, signedIn } from './support/api-client';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

describe('Administration of users and departments', () => {
  let t: TestApp;
  let office: Office;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    admin = await office.as('admin');
  });
  afterAll(() => t.close());

  const newUser = (over: Record<string, unknown> = {}) => ({
    username: `nowy-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
    displayName: 'Nowa Urzędniczka',
    email: 'nowa@example.gov.pl',
    role: 'clerk',
    departmentId: office.departments.a.id,
    password: 'Bardzo-dlugie-haslo-1',
    ...over,
  });

  it('creates a user who can then sign in', async () => {
    const body = newUser();
    const created = await admin.post('/api/admin/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: body.username, role: 'clerk', disabled: false, version: 1 });
    expect(created.body).not.toHaveProperty('passwordHash');
    const client = await signedIn(t.app, body.username, body.password);
    expect((await client.get('/api/auth/me')).body.displayName).toBe('Nowa Urzędniczka');
  });

  it('rejects a duplicate username with a field error', async () => {
    const body = newUser();
    await admin.post('/api/admin/users', body);
    const again = await admin.post('/api/admin/users', body);
    expect(again.status).toBe(409);
    expect(again.body.fields.username).toBeDefined();
  });

  it('validates every field and names the failing ones', async () => {
    const res = await admin.post('/api/admin/users', {
      username: 'A',
      role: 'boss',
      departmentId: 'x',
      password: 'short',
      extra: true,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'departmentId',
      'displayName',
      'extra',
      'password',
      'role',
      'username',
    ]);
  });

  it('disabling a user ends their open session at once', async () => {
    const body = newUser();
    const created = await admin.post('/api/admin/users', body);
    const victim = await signedIn(t.app, body.username, body.password);
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const disabled = await admin.patch(
      `/api/admin/users/${created.body.id}`,
      { disabled: true },
      { 'If-Match': `"${created.body.version}"` },
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(t.app).login(body.username, body.password)).status).toBe(401);
  });

  it('a change of role, department or name is in effect at the next request', async () => {
    const body = newUser();
    const created = await admin.post('/api/admin/users', body);
    const user = await signedIn(t.app, body.username, body.password);
    expect((await user.get('/api/auth/me')).body).toMatchObject({ role: 'clerk' });
    expect((await user.get('/api/admin/users')).status).toBe(403);
    const changed = await admin.patch(
      `/api/admin/users/${created.body.id}`,
      { role: 'admin', departmentId: office.departments.b.id, displayName: 'Nowa Administratorka' },
      { 'If-Match': `"${created.body.version}"` },
    );
    expect(changed.status).toBe(200);
    const me = await user.get('/api/auth/me');
    expect(me.body).toMatchObject({ role: 'admin', displayName: 'Nowa Administratorka' });
    expect(me.body.department.id).toBe(office.departments.b.id);
    expect((await user.get('/api/admin/users')).status).toBe(200);
  });

  it('a renamed department shows at once in the sessions of its users', async () => {
    const created = await admin.post('/api/admin/departments', { symbol: `R${Date.now() % 100000}`, name: 'Stara' });
    const body = newUser({ departmentId: created.body.id });
    await admin.post('/api/admin/users', body);
    const user = await signedIn(t.app, body.username, body.password);
    expect((await user.get('/api/auth/me')).body.department.name).toBe('Stara');
    const renamed = await admin.patch(
      `/api/admin/departments/${created.body.id}`,
      { name: 'Nowa' },
      { 'If-Match': `"${created.body.version}"` },
    );
    expect(renamed.status).toBe(200);
    expect((await user.get('/api/auth/me')).body.department.name).toBe('Nowa');
  });

  it('requires If-Match on edits and refuses a stale version', async () => {
    const created = await admin.post('/api/admin/users', newUser());
    const path = `/api/admin/users/${created.body.id}`;
    expect((await admin.patch(path, { displayName: 'Bez wersji' })).status).toBe(428);
    const first = await admin.patch(path, { displayName: 'Pierwsza' }, { 'If-Match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers['etag']).toBe('"2"');
    const stale = await admin.patch(path, { displayName: 'Druga' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await admin.get(path)).body.displayName).toBe('Pierwsza');
  });

  it('resets a password: the old one stops working and sessions end', async () => {
    const body = newUser();
    const created = await admin.post('/api/admin/users', body);
    const session = await signedIn(t.app, body.username, body.password);
    expect(
      (await admin.post(`/api/admin/users/${created.body.id}/password`, { password: 'Zupelnie-nowe-haslo-2' })).status,
    ).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(t.app).login(body.username, body.password)).status).toBe(401);
    await signedIn(t.app, body.username, 'Zupelnie-nowe-haslo-2');
  });

  it('manages departments', async () => {
    const symbol = `T${Date.now() % 100000}`;
    const created = await admin.post('/api/admin/departments', { symbol, name: 'Wydział Testowy' });
    expect(created.status).toBe(201);
    const renamed = await admin.patch(
      `/api/admin/departments/${created.body.id}`,
      { name: 'Wydział Przemianowany', active: false },
      { 'If-Match': '"1"' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Wydział Przemianowany', active: false, version: 2 });
    const dup = await admin.post('/api/admin/departments', { symbol, name: 'Duplikat' });
    expect(dup.status).toBe(409);
    const clerk = await office.as('clerkA');
    expect((await clerk.get('/api/departments')).status).toBe(200);
    expect((await clerk.post('/api/admin/departments', { symbol: 'XX', name: 'x' })).status).toBe(403);
  });

  it('records admin changes in the audit log', async () => {
    const created = await admin.post('/api/admin/users', newUser());
    const { DataSource } = await import('typeorm');
    const rows: { action: string; actor_id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [created.body.id]);
    expect(rows).toEqual([{ action: 'create', actor_id: office.users.admin.id }]);
  });
});
