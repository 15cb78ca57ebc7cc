import type {
  HistoryEntry,
  ImprovementActionResponse,
  RootCauseCategoryResponse,
  WorkflowCatalogResponse,
} from '@pu/contracts';
import { DEFAULT_ROOT_CAUSES } from '@pu/workflow';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Root-cause categories are the quality officer's (standard 20), and so are the improvement actions. */
describe('Root-cause categories and improvement actions', () => {
  let t: TestApp;
  let office: Office;
  let quality: ApiClient;
  let clerk: ApiClient;
  let manager: ApiClient;
  const code = `e2e_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    quality = await office.as('quality');
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
  });
  afterAll(() => t.close());

  const get = async (c: string) =>
    expectStatus(await quality.get(`/api/root-causes/${c}`), 200).body as RootCauseCategoryResponse;
  const patch = async (c: string, body: Record<string, unknown>) => {
    const before = await get(c);
    return quality.patch(`/api/root-causes/${c}`, body, ifMatch(before.version));
  };

  it('starts from the list that was fixed in code', async () => {
    const list = expectStatus(await quality.get('/api/root-causes'), 200).body as RootCauseCategoryResponse[];
    expect(list.slice(0, DEFAULT_ROOT_CAUSES.length).map((c) => [c.code, c.label])).toEqual(
      DEFAULT_ROOT_CAUSES.map((c) => [c.code, c.label]),
    );
  });

  it('the quality officer creates a category; a repeat answers it, a clash is refused', async () => {
    const body = { code, label: { pl: 'Parkowanie', en: 'Parking' }, description: { pl: 'Brak miejsc', en: '' } };
    const created = expectStatus(await quality.post('/api/root-causes', body), 201).body as RootCauseCategoryResponse;
    expect(created).toMatchObject({ code, retiredAt: null, used: false, version: 1 });
    expect(expectStatus(await quality.post('/api/root-causes', body), 201).body).toEqual(created);
    expectError(
      await quality.post('/api/root-causes', { ...body, label: { pl: 'Inna', en: 'Other' } }),
      409,
      'DUPLICATE',
    );
    expectError(await quality.post('/api/root-causes', { ...body, code: 'Bad Code' }), 422, 'VALIDATION_FAILED');
    expectError(await quality.post('/api/root-causes', { ...body, code: `${code}x`, extra: 1 }), 422);
  });

  it('nobody else may change the list', async () => {
    const body = { code: `${code}_x`, label: { pl: 'X', en: 'X' } };
    expectError(await clerk.post('/api/root-causes', body), 403);
    expectError(await manager.post('/api/root-causes', body), 403);
    expectError(await (await office.as('admin')).post('/api/root-causes', body), 403);
    expectError(await clerk.patch(`/api/root-causes/${code}`, { retired: true }, ifMatch(1)), 403);
  });

  it('renames and describes with If-Match; a stale version is refused', async () => {
    const renamed = expectStatus(
      await patch(code, { label: { pl: 'Parking i dojazd', en: 'Parking and access' } }),
      200,
    ).body as RootCauseCategoryResponse;
    expect(renamed.label.pl).toBe('Parking i dojazd');
    expectError(await quality.patch(`/api/root-causes/${code}`, { label: renamed.label }, ifMatch(1)), 412);
    expectError(await quality.patch(`/api/root-causes/${code}`, { label: renamed.label }), 428);
    const described = expectStatus(
      await patch(code, { description: { pl: 'Za mało miejsc', en: 'Too few spaces' } }),
      200,
    ).body as RootCauseCategoryResponse;
    expect(described.description).toEqual({ pl: 'Za mało miejsc', en: 'Too few spaces' });
    expectError(await quality.patch('/api/root-causes/no_such_code', { retired: true }, ifMatch(1)), 404);
  });

  it('a clerk can give a complaint the new category; the catalogue names it', async () => {
    const catalog = expectStatus(await clerk.get('/api/workflows'), 200).body as WorkflowCatalogResponse;
    expect(catalog.rootCauses.find((c) => c.code === code)).toEqual({
      code,
      label: { pl: 'Parking i dojazd', en: 'Parking and access' },
    });
    const c = await CaseFlow.create(clerk, 'complaint');
    await c.steps('listen', 'restate', 'regret');
    expectStatus(await c.step('cause', { rootCause: code, description: 'Brak miejsc.' }), 200);
    expect(c.current.rootCause).toBe(code);
    expect((await get(code)).used).toBe(true);
    expectStatus(await c.step('propose'), 200);
  });

  it('retiring keeps the category on old cases and out of new ones; it can come back', async () => {
    const retired = expectStatus(await patch(code, { retired: true }), 200).body as RootCauseCategoryResponse;
    expect(retired.retiredAt).toEqual(expect.any(String));
    const catalog = expectStatus(await clerk.get('/api/workflows'), 200).body as WorkflowCatalogResponse;
    expect(catalog.rootCauses.find((c) => c.code === code)).toMatchObject({ retired: true });

    const fresh = await CaseFlow.create(clerk, 'complaint');
    await fresh.steps('listen', 'restate', 'regret');
    const refused = expectError(await fresh.step('cause', { rootCause: code, description: 'x' }), 422);
    expect(Object.keys(refused['fields'] as object)).toContain('rootCause');

    const restored = expectStatus(await patch(code, { retired: false }), 200).body as RootCauseCategoryResponse;
    expect(restored.retiredAt).toBeNull();
    expectStatus(await fresh.step('cause', { rootCause: code, description: 'x' }), 200);
  });

  it('a used category cannot be deleted, not even by the database role the API runs as', async () => {
    await expect(
      t.app.get(DataSource).query(`DELETE FROM root_cause_categories WHERE code = $1`, [code]),
    ).rejects.toThrow(/foreign key/);
    expectStatus(await quality.get(`/api/root-causes/${code}`), 200);
  });

  it('every change is in the history', async () => {
    const history = expectStatus(await quality.get(`/api/root-causes/${code}/history`), 200).body as HistoryEntry[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'update', 'retire', 'restore']);
    expect(history[1]).toMatchObject({
      entityType: 'root_cause',
      entityId: code,
      before: expect.objectContaining({ label: { pl: 'Parkowanie', en: 'Parking' } }),
      after: expect.objectContaining({ label: { pl: 'Parking i dojazd', en: 'Parking and access' } }),
    });
    expect(history.every((h) => h.actor?.id === office.users.quality.id)).toBe(true);
  });

  describe('improvement actions', () => {
    const body = {
      rootCause: 'waiting_time',
      what: 'Drugie stanowisko w godzinach szczytu',
      owner: 'Kierownik SO',
      dueOn: '2040-03-31',
      expectedEffect: 'O połowę mniej skarg na czas oczekiwania',
    };
    let action: ImprovementActionResponse;

    it('the quality officer records one; a retried create with the same key is the same action', async () => {
      const key = { 'Idempotency-Key': `action-${randomBytes(6).toString('hex')}` };
      action = expectStatus(await quality.post('/api/improvement-actions', body, key), 201)
        .body as ImprovementActionResponse;
      expect(action).toMatchObject({ ...body, doneOn: null, version: 1 });
      expect(expectStatus(await quality.post('/api/improvement-actions', body, key), 201).body).toEqual(action);
      expectError(
        await quality.post('/api/improvement-actions', { ...body, owner: 'Ktoś inny' }, key),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
    });

    it('refuses a missing field, a bad date, an unknown or retired category, and other roles', async () => {
      expectError(await quality.post('/api/improvement-actions', { ...body, owner: ' ' }), 422);
      expectError(await quality.post('/api/improvement-actions', { ...body, dueOn: '2040-02-30' }), 422);
      expectError(await quality.post('/api/improvement-actions', { ...body, rootCause: 'no_such_code' }), 422);
      expectStatus(await patch(code, { retired: true }), 200);
      expectError(await quality.post('/api/improvement-actions', { ...body, rootCause: code }), 422);
      expectError(await manager.post('/api/improvement-actions', body), 403);
      expectError(await clerk.get('/api/improvement-actions'), 403);
    });

    it('managers read them; the quality officer marks one done, and deletes another', async () => {
      const listed = expectStatus(await manager.get('/api/improvement-actions?rootCause=waiting_time'), 200)
        .body as ImprovementActionResponse[];
      expect(listed.map((a) => a.id)).toContain(action.id);
      const done = expectStatus(
        await quality.patch(`/api/improvement-actions/${action.id}`, { doneOn: '2040-03-15' }, ifMatch(action.version)),
        200,
      ).body as ImprovementActionResponse;
      expect(done).toMatchObject({ doneOn: '2040-03-15', version: 2 });
      expectError(await quality.patch(`/api/improvement-actions/${action.id}`, { doneOn: null }, ifMatch(1)), 412);

      const other = expectStatus(await quality.post('/api/improvement-actions', body), 201)
        .body as ImprovementActionResponse;
      expectError(await quality.delete(`/api/improvement-actions/${other.id}`, ifMatch(9)), 412);
      expect((await quality.delete(`/api/improvement-actions/${other.id}`, ifMatch(1))).status).toBe(204);
      expectError(await quality.get(`/api/improvement-actions/${other.id}`), 404);

      const history = expectStatus(await quality.get(`/api/improvement-actions/${action.id}/history`), 200)
        .body as HistoryEntry[];
      expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    });
  });
});
