import { CSRF_COOKIE, CSRF_HEADER, type NotificationPage, type NotificationResponse } from '@pu/contracts';
import { addWorkingDays, warsawDate } from '@pu/workflow';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../../api/src/app/notifications/notifications.service';
import { ReminderScan } from '../../api/src/app/reminders/reminder-scan.service';
import { type ApiClient, signedIn } from './support/api-client';
import { CaseFlow, expectStatus, ifMatch } from './support/cases';
import { describeIf } from './support/describe-if';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

const describeReplicas = describeIf(
  process.env['E2E_EMBEDDED'] !== '1',
  'Two API instances need a PostgreSQL server (set DATABASE_URL): the embedded PGlite serves one connection',
);

const HOUR = 3_600_000;

/**
 * Two API instances on one database, their clocks moved together: every event notifies each person once,
 * whichever instance scans and however often, also when a scan dies part-way; a moved date is a new event.
 */
describeReplicas('Reminders from two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let office: Office;
  let owner: Client;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    office = await createOffice(a.app);
    owner = new Client({
      connectionString: process.env['E2E_MIGRATION_DATABASE_URL'] ?? process.env['E2E_DATABASE_URL'],
    });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await b?.close();
    await a?.close();
  });

  /** Both instances' clocks to `at` (forward only). */
  const moveTo = (at: Date) => {
    for (const t of [a, b]) t.clock.advance(Math.max(0, at.getTime() - t.clock.now().getTime()));
  };
  const scanBoth = () => Promise.all([a.app.get(ReminderScan).scan(), b.app.get(ReminderScan).scan()]);
  /** Signed in afresh through B (A restarts in one test): a month on the clock outlives every session. */
  const as = (user: keyof Office['users']) => signedIn(b.app, office.users[user].username, TEST_PASSWORD);

  async function notificationsOf(client: ApiClient, subjectId: string): Promise<NotificationResponse[]> {
    const page = expectStatus(await client.get('/api/notifications?limit=100'), 200).body as NotificationPage;
    return page.items.filter((n) => n.caseId === subjectId || n.promiseId === subjectId);
  }
  const kinds = (list: NotificationResponse[]) => list.map((n) => n.kind).sort();

  it('a case date: due soon to the assignee once, overdue to the assignee and the managers once, an extension anew', async () => {
    const clerk = await as('clerkA');
    const flow = await CaseFlow.create(clerk, 'complaint');
    const forwardingDue = new Date(flow.current.deadlines.forwarding!.dueAt);

    // The 7-day forwarding (art. 231) comes first: an hour before, both instances scan twice.
    moveTo(new Date(forwardingDue.getTime() - HOUR));
    await scanBoth();
    await scanBoth();
    expect(kinds(await notificationsOf(await as('clerkA'), flow.id))).toEqual(['forwarding_due_soon']);
    expect(await notificationsOf(await as('managerA'), flow.id)).toEqual([]);

    const mainDue = new Date(flow.current.dueAt!);
    moveTo(new Date(mainDue.getTime() - HOUR));
    await scanBoth();
    expect(kinds(await notificationsOf(await as('clerkA'), flow.id))).toEqual(['case_due_soon', 'forwarding_due_soon']);

    moveTo(new Date(mainDue.getTime() + HOUR));
    await scanBoth();
    await scanBoth();
    const clerkNow = await as('clerkA');
    expect(kinds(await notificationsOf(clerkNow, flow.id))).toEqual([
      'case_due_soon',
      'case_overdue',
      'forwarding_due_soon',
    ]);
    const managerA = await as('managerA');
    expect(kinds(await notificationsOf(managerA, flow.id))).toEqual(['case_overdue']);
    expect(await notificationsOf(await as('managerB'), flow.id)).toEqual([]);
    const overdue = (await notificationsOf(managerA, flow.id))[0];
    expect(overdue).toMatchObject({ dueAt: mainDue.toISOString(), payload: { caseReference: flow.current.reference } });

    // The manager extends the date (KPA art. 36): coming due again is a new event.
    const newDue = addWorkingDays(warsawDate(a.clock.now()), 5);
    const managed = flow.as(managerA);
    await managed.refresh();
    expectStatus(
      await managerA.post(
        `${flow.path}/deadline-extensions`,
        {
          newDue,
          reason: 'Opinia innego organu.',
          clientToldAt: new Date(a.clock.now().getTime() - 60_000).toISOString(),
        },
        ifMatch(managed.version),
      ),
      200,
      201,
    );
    const extended = await managed.refresh();
    moveTo(new Date(new Date(extended.dueAt!).getTime() - HOUR));
    await scanBoth();
    await scanBoth();
    const dueSoon = (await notificationsOf(await as('clerkA'), flow.id)).filter((n) => n.kind === 'case_due_soon');
    expect(dueSoon.map((n) => n.dueAt).sort()).toEqual([mainDue.toISOString(), extended.dueAt].sort());
  });

  it('a promise: due soon to who made it, broken to them and the managers, rescheduled anew', async () => {
    const clerk = await as('clerkA');
    const flow = await CaseFlow.create(clerk, 'complaint');
    const dueAt = new Date(a.clock.now().getTime() + 3 * HOUR);
    const created = expectStatus(
      await clerk.post(`${flow.path}/promises`, { description: 'Oddzwonię z odpowiedzią', channel: 'phone', dueAt }),
      201,
    ).body as { id: string; version: number };

    moveTo(new Date(dueAt.getTime() - 90 * 60_000));
    await scanBoth();
    expect(kinds(await notificationsOf(await as('clerkA'), created.id))).toEqual(['promise_due_soon']);
    expect(await notificationsOf(await as('managerA'), created.id)).toEqual([]);

    moveTo(new Date(dueAt.getTime() + 60_000));
    await scanBoth();
    await scanBoth();
    const clerkNow = await as('clerkA');
    expect(kinds(await notificationsOf(clerkNow, created.id))).toEqual(['promise_broken', 'promise_due_soon']);
    expect(kinds(await notificationsOf(await as('managerA'), created.id))).toEqual(['promise_broken']);

    const newDue = new Date(a.clock.now().getTime() + 60 * 60_000);
    expectStatus(
      await clerkNow.patch(
        `/api/promises/${created.id}`,
        { dueAt: newDue.toISOString(), clientToldAt: new Date(a.clock.now().getTime() - 1000).toISOString() },
        ifMatch(created.version),
      ),
      200,
    );
    await scanBoth();
    const dueSoon = (await notificationsOf(await as('clerkA'), created.id)).filter(
      (n) => n.kind === 'promise_due_soon',
    );
    expect(dueSoon).toHaveLength(2);
  });

  it('a councillor’s complaint nobody is assigned to: its 14-day reply date (art. 237 § 2) reaches the managers, once', async () => {
    const clerk = await as('clerkA');
    const flow = await CaseFlow.create(clerk, 'complaint', {
      assigneeId: null,
      client: { name: 'Radna Anna Przykładowa', isCouncillorOrMp: true },
    });
    expect(flow.current.assignee).toBeNull();
    const replyDue = new Date(flow.current.deadlines.councillorReply!.dueAt);
    moveTo(new Date(replyDue.getTime() - HOUR));
    await scanBoth();
    await scanBoth();
    expect(kinds(await notificationsOf(await as('managerA'), flow.id))).toEqual(['councillor_reply_due_soon']);
    expect(await notificationsOf(await as('clerkA'), flow.id)).toEqual([]);
    expect(await notificationsOf(await as('managerB'), flow.id)).toEqual([]);
  });

  it('a scan that dies part-way leaves nothing, and the next one on either instance adds each event once', async () => {
    const clerk = await as('clerkA');
    const flow = await CaseFlow.create(clerk, 'office_error', {
      discoveredAt: new Date(a.clock.now().getTime() - 2 * HOUR).toISOString(),
    });
    const due = new Date(flow.current.dueAt!);
    moveTo(new Date(due.getTime() - HOUR));
    const key = `inform_due_soon:${flow.id}:${due.toISOString()}`;

    // Another transaction holds the same event for the same person: A's scan waits on it, and is then killed.
    const blocker = new Client({
      connectionString: process.env['E2E_MIGRATION_DATABASE_URL'] ?? process.env['E2E_DATABASE_URL'],
    });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO notifications (user_id, event_key, kind, case_id, created_at) VALUES ($1, $2, 'inform_due_soon', $3, now())`,
        [office.users.clerkA.id, key, flow.id],
      );
      const dying = a.app.get(ReminderScan).scan();
      const pid = await waitForBlockedScan();
      await owner.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(dying).rejects.toThrow();
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1`, [flow.id]);
    expect(rows[0].n).toBe(0);

    // A restarts; both scan, twice.
    await a.close();
    const offset = b.clock.now().getTime() - Date.now();
    a = await createTestApp();
    a.clock.advance(Math.max(0, offset));
    await scanBoth();
    await scanBoth();
    const counts = await owner.query<{ user_id: string; kind: string; n: number }>(
      `SELECT user_id, kind, count(*)::int AS n FROM notifications WHERE case_id = $1 GROUP BY 1, 2`,
      [flow.id],
    );
    expect(counts.rows).toEqual([{ user_id: office.users.clerkA.id, kind: 'inform_due_soon', n: 1 }]);
  });

  /** The backend of a scan waiting on a row lock. */
  async function waitForBlockedScan(): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await owner.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE query LIKE 'WITH events AS%'
            AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('The scan never waited on the held event');
  }

  it('the job queue runs the scan under the runtime role (JOBS on), and its schema is not the runtime role’s', async () => {
    const worker = await createTestApp({ JOBS: 'true', REMINDER_SCAN_SECONDS: '3600' });
    try {
      const db = a.app.get(DataSource);
      const started = Date.now();
      let done = 0;
      while (Date.now() - started < 15_000) {
        const rows: { n: number }[] = await db.query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reminder-scan' AND state = 'completed'`,
        );
        done = rows[0].n;
        if (done > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(done).toBeGreaterThan(0);
      const [owned] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'pgboss' AND pg_has_role(current_user, tableowner, 'USAGE')`,
      );
      expect(owned.n).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('the stream on one instance hears a notification another instance adds, and refuses a visitor without a session', async () => {
    const base = await listening(b);
    const cookie = await sessionCookie(base, office.users.clerkA2.username);
    expect((await fetch(`${base}/api/notifications/stream`)).status).toBe(401);

    const controller = new AbortController();
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const counts = unreadEvents(res);
    try {
      const first = await counts.next();
      await a.app
        .get(NotificationsService)
        .notify(a.app.get(DataSource).manager, [
          { userId: office.users.clerkA2.id, eventKey: `assigned:e2e:${Date.now()}`, kind: 'assigned' },
        ]);
      expect(await counts.next()).toBe(first + 1);
    } finally {
      controller.abort();
    }
  });

  it('marks one and all read, only the reader’s own', async () => {
    const clerk = await as('clerkA');
    const page = expectStatus(await clerk.get('/api/notifications?unread=true'), 200).body as NotificationPage;
    expect(page.unread).toBeGreaterThan(1);
    const first = page.items[0];
    expectStatus(await (await as('clerkA2')).post(`/api/notifications/${first.id}/read`), 404);
    expectStatus(await clerk.post(`/api/notifications/${first.id}/read`), 204);
    const after = expectStatus(await clerk.get('/api/notifications/unread'), 200).body as { unread: number };
    expect(after.unread).toBe(page.unread - 1);
    const all = expectStatus(await clerk.post('/api/notifications/read-all'), 200).body as { marked: number };
    expect(all.marked).toBe(page.unread - 1);
    expect((expectStatus(await clerk.get('/api/notifications/unread'), 200).body as { unread: number }).unread).toBe(0);
    expectStatus(await clerk.get('/api/notifications?before=nonsense'), 422);
  });
});

let listeningUrl: string | undefined;
/** The instance on a real port: a stream needs a socket, not supertest's one-shot requests. */
async function listening(t: TestApp): Promise<string> {
  if (!listeningUrl) {
    await t.app.listen(0, '127.0.0.1');
    listeningUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  }
  return listeningUrl;
}

/** Signs in over plain HTTP as a browser does (CSRF cookie echoed in the header) and returns the Cookie header. */
async function sessionCookie(base: string, username: string): Promise<string> {
  const pairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = pairs(await fetch(`${base}/api/health`)).find((c) => c.startsWith(`${CSRF_COOKIE}=`))!;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, [CSRF_HEADER]: csrf.split('=')[1] },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  return [csrf, ...pairs(login)].join('; ');
}

/** The `unread` counts of a server-sent event stream, one per `next()`. */
function unreadEvents(res: Response): { next(): Promise<number> } {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const match = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return (JSON.parse(match[1]) as { unread: number }).unread;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('The stream ended');
        buffer += value;
      }
    },
  };
}
