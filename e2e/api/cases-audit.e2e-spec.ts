import type { HistoryEntry, PromiseResponse } from '@pu/contracts';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectStatus, history, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Standard 12 and "every change is recorded": the case history, reads of personal data, an append-only log. */
describe('Case history and the audit log', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
    quality = await office.as('quality');
  });
  afterAll(() => t.close());

  const text = (value: unknown) => JSON.stringify(value ?? null);
  const withoutReads = (entries: HistoryEntry[]) => entries.filter((e) => e.action !== 'read_personal_data');

  describe('a case worked from start to close', () => {
    let flow: CaseFlow;
    let promise: PromiseResponse;
    let entries: HistoryEntry[];
    const subjects = { before: '', after: 'Skarga na czas oczekiwania – poprawiony temat' };

    beforeAll(async () => {
      flow = await CaseFlow.create(clerk, 'complaint', { receivedAt: '2026-10-11T10:00:00+02:00' });
      subjects.before = flow.current.subject;
      expectStatus(await flow.update({ subject: subjects.after }), 200);
      await flow.steps('listen');
      expectStatus(await flow.skip('quiet_place', 'Rozmowa przy okienku.'), 200);
      await flow.steps('restate');
      expectStatus(await flow.as(manager).reopen('restate', 'Źle zapisane.'), 200);
      await flow.refresh();
      await flow.steps('restate');
      promise = await flow.promise({ description: 'Oddzwonię jutro.', channel: 'phone' });
      expectStatus(await clerk.patch(`/api/promises/${promise.id}`, { kept: true }, ifMatch(promise.version)), 200);
      const m = flow.as(manager);
      expectStatus(
        await m.extend({
          newDue: '2026-12-15',
          reason: 'Opinia innego wydziału.',
          clientToldAt: new Date(Date.now() - 60_000).toISOString(),
        }),
        200,
        201,
      );
      expectStatus(await m.transfer({ assigneeId: office.users.clerkA2.id, note: 'Przejmij, proszę – urlop.' }), 200);
      expectStatus(
        await m.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana przez skarżącego.' }),
        200,
      );
      expectStatus(await m.close('Zamknięto po wycofaniu.'), 200);
      entries = await history(manager, flow.id);
    });

    it('lists the changes in the order they happened, each with its actor and time', () => {
      const changes = withoutReads(entries);
      // create, update, listen, skip, restate, reopen, restate, promise, promise kept, extension, transfer, outcome, close
      expect(changes.length).toBe(13);
      expect(changes[0].action).toMatch(/creat/);
      expect(changes.at(-1)!.action).toMatch(/clos/);
      for (const e of entries) {
        expect(e).toMatchObject({
          id: expect.any(String),
          at: expect.any(String),
          action: expect.any(String),
          entityType: expect.any(String),
        });
        expect(e.actor).toMatchObject({ id: expect.any(String), displayName: expect.any(String) });
      }
      const times = entries.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const byManager = changes.filter((e) => e.actor?.id === office.users.managerA.id).length;
      expect(byManager).toBe(5); // reopen, extension, transfer, outcome, close
    });

    const find = (pred: (e: HistoryEntry) => boolean, what: string): HistoryEntry => {
      const found = withoutReads(entries).find(pred);
      if (!found)
        throw new Error(
          `No history entry for ${what}:\n${entries.map((e) => `${e.entityType}/${e.action}`).join('\n')}`,
        );
      return found;
    };

    it('an edit shows the value before and after', () => {
      const edit = find(
        (e) => text(e.before).includes(subjects.before) && text(e.after).includes(subjects.after),
        'the subject edit',
      );
      expect(edit.actor?.id).toBe(office.users.clerkA.id);
    });

    it('steps, skips and reopenings are recorded with their data', () => {
      find((e) => text(e.after).includes('Czekałem dwie godziny'), 'the listen step');
      find((e) => text(e.after).includes('Rozmowa przy okienku.'), 'the skip and its reason');
      const reopen = find((e) => /reopen/.test(e.action), 'the reopening');
      expect(reopen.actor?.id).toBe(office.users.managerA.id);
      expect(text(reopen.before) + text(reopen.after)).toContain('restate');
    });

    it('promises, extensions, transfers and the close are recorded', () => {
      const [made, kept] = withoutReads(entries).filter((e) => e.entityId === promise.id);
      expect(made?.before ?? null).toBeNull();
      expect(text(made?.after)).toContain('Oddzwonię jutro.');
      expect(text(kept?.before)).not.toBe('null');
      expect(text(kept?.after)).toMatch(/kept/);
      const ext = find((e) => text(e.after).includes('2026-12-15'), 'the extension');
      expect(text(ext.before)).toContain('2026-11-12');
      const transfer = find((e) => text(e.after).includes(office.users.clerkA2.id), 'the transfer');
      expect(text(transfer.before)).toContain(office.users.clerkA.id);
      expect(text(transfer.after)).toContain('Przejmij, proszę – urlop.');
      const close = withoutReads(entries).at(-1)!;
      expect(text(close.after)).toMatch(/closed/);
    });
  });

  it('reading a case records who read the personal data; lists do not', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    // The manager only looks at the history, so their own reads (if the history view counts as one) are left out.
    const reads = async () =>
      (await history(manager, flow.id)).filter(
        (e) => e.action === 'read_personal_data' && e.actor?.id !== office.users.managerA.id,
      );
    const start = (await reads()).length;
    expectStatus(await clerk.get('/api/cases?limit=100'), 200);
    expect((await reads()).length).toBe(start);
    expectStatus(await quality.get(flow.path), 200);
    expectStatus(await clerk.get(flow.path), 200);
    const after = await reads();
    expect(after.length).toBe(start + 2);
    expect(after.slice(-2).map((e) => e.actor?.id)).toEqual([office.users.quality.id, office.users.clerkA.id]);
    expect(after.at(-1)!.entityId).toBe(flow.id);
  });

  it('a refused or failed change leaves no trace', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const before = withoutReads(await history(clerk, flow.id)).length;
    expectStatus(await clerk.patch(flow.path, { subject: 'x' }, ifMatch(flow.version + 1)), 412);
    expectStatus(await quality.patch(flow.path, { subject: 'x' }, ifMatch(flow.version)), 403);
    expectStatus(await flow.step('listen', {}), 422);
    expectStatus(await flow.step('regret'), 409);
    expectStatus(await flow.close(), 409);
    expect(withoutReads(await history(clerk, flow.id)).length).toBe(before);
  });

  it("audit rows cannot be updated, deleted or truncated, even by the app's own database role", async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const db = t.app.get(DataSource);
    const count = async () =>
      Number((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1`, [flow.id]))[0].n);
    const n = await count();
    expect(n).toBeGreaterThan(0);
    await expect(db.query(`UPDATE audit_log SET action = 'forged' WHERE case_id = $1`, [flow.id])).rejects.toThrow(
      /append-only|permission|not allowed/i,
    );
    await expect(
      db.query(`UPDATE audit_log SET after = NULL WHERE id = (SELECT max(id) FROM audit_log)`),
    ).rejects.toThrow();
    await expect(db.query(`DELETE FROM audit_log WHERE case_id = $1`, [flow.id])).rejects.toThrow(
      /append-only|permission|not allowed/i,
    );
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await count()).toBe(n);
    const actions: { action: string }[] = await db.query(`SELECT action FROM audit_log WHERE case_id = $1`, [flow.id]);
    expect(actions.map((a) => a.action)).not.toContain('forged');
  });
});
