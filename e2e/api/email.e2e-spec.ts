import { TZDate } from '@date-fns/tz';
import type { AccountSettingsResponse, UserResponse } from '@pu/contracts';
import { addCalendarDays, isWorkingDay, warsawDate, type LocalDate } from '@pu/workflow';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SEND_LEASE_MS } from '../../api/src/app/mail/email-sender';
import { claimDueDeliveries, selectDeliveriesOfUser } from '../../api/src/app/mail/email-deliveries.queries';
import { MailWorker } from '../../api/src/app/mail/mail-worker';
import { NotificationEmails } from '../../api/src/app/mail/notification-emails';
import { NotificationsService } from '../../api/src/app/notifications/notifications.service';
import { ReminderScan } from '../../api/src/app/reminders/reminder-scan.service';
import { type ApiClient, signedIn } from './support/api-client';
import { CLIENT, createCase, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { SmtpCapture } from './support/smtp-capture';
import { createTestApp, type TestApp } from './support/test-app';
import { describeIf } from './support/describe-if';

/**
 * E-mail with two API instances on one database and a real SMTP server started here: every notification
 * becomes one e-mail per person whichever instance sends, a stop mid-send duplicates nothing, a refusing server
 * is retried with backoff, and the morning digest reaches each person once per working day.
 */
const describeReplicas = describeIf(
  process.env['E2E_EMBEDDED'] !== '1',
  'Two API instances need a PostgreSQL server (set DATABASE_URL): the embedded PGlite serves one connection',
);

describeReplicas('e-mail from two instances', () => {
  let smtp: SmtpCapture;
  let a: TestApp;
  let b: TestApp;
  let office: Office;
  const env = () => ({ SMTP_URL: smtp.url, SMTP_FROM: 'Urząd <pu@urzad.example>', PUBLIC_URL: 'https://pu.example' });
  /** This file's own domain: other files' users with an address are mailed too, and are not counted here. */
  const domain = `${randomBytes(4).toString('hex')}.urzad.example`;
  const address = (key: keyof Office['users']) => `${key.toLowerCase()}@${domain}`;
  const db = () => a.app.get(DataSource).manager;
  /** Both instances' clocks, moved together. */
  const advance = (ms: number) => [a, b].forEach((t) => t.clock.advance(ms));
  /** Rounds on both instances at once, as their timers would run them. */
  const roundsOnBoth = () => Promise.all([a, b].map((t) => t.app.get(MailWorker).runRound()));

  const notify = async (userKeys: (keyof Office['users'])[], caseId: string, eventKey: string, kind = 'case_overdue') =>
    a.app.get(NotificationsService).notify(
      db(),
      userKeys.map((k) => ({
        userId: office.users[k].id,
        eventKey: `${eventKey}:${k}`,
        kind: kind as 'case_overdue',
        caseId,
        dueAt: new Date(Date.now() - 86_400_000),
        payload: { caseReference: 'ignored', caseSubject: 'the subject stays in the app' },
      })),
    );

  let clerk: ApiClient;
  let caseId: string;
  let caseReference: string;

  beforeAll(async () => {
    smtp = await SmtpCapture.start(domain);
    a = await createTestApp(env());
    b = await createTestApp(env());
    office = await createOffice(a.app);
    // The administrator gives everyone but the quality officer an address, through the admin API.
    const admin = await office.as('admin');
    for (const key of ['clerkA', 'clerkA2', 'managerA', 'clerkB'] as const) {
      const user = expectStatus(await admin.get(`/api/admin/users/${office.users[key].id}`), 200).body as UserResponse;
      expectStatus(
        await admin.patch(`/api/admin/users/${user.id}`, { email: address(key) }, ifMatch(user.version)),
        200,
      );
    }
    // Each user's own choice, through their settings.
    const choose = async (key: keyof Office['users'], change: Record<string, string>) => {
      const client = await office.as(key);
      const mine = expectStatus(await client.get('/api/account/settings'), 200).body as AccountSettingsResponse;
      expectStatus(await client.patch('/api/account/settings', change, ifMatch(mine.version)), 200);
    };
    await choose('managerA', { language: 'en' });
    await choose('clerkA2', { emailMode: 'digest' });
    await choose('clerkB', { emailMode: 'off' });
    clerk = await office.as('clerkA');
    const created = await createCase(clerk, 'complaint');
    caseId = created.id;
    caseReference = created.reference;
    // clerkA2, who wants the digest only, has a case of their own too.
    await createCase(await office.as('clerkA2'), 'complaint');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
  });

  it('the settings API answers the user their own choice, and refuses what is not a choice', async () => {
    const manager = await office.as('managerA');
    const mine = expectStatus(await manager.get('/api/account/settings'), 200).body as AccountSettingsResponse;
    expect(mine).toMatchObject({ email: address('managerA'), emailMode: 'all', language: 'en', emailEnabled: true });
    const bad = await manager.patch('/api/account/settings', { emailMode: 'sometimes' }, ifMatch(mine.version));
    expect(bad.status).toBe(422);
    const stale = await manager.patch('/api/account/settings', { emailMode: 'off' }, ifMatch(mine.version - 1));
    expect(stale.status).toBe(412);
    const extra = await manager.patch('/api/account/settings', { email: 'x@y.example' }, ifMatch(mine.version));
    expect(extra.status).toBe(422);
  });

  it('sends each person one e-mail per event, whichever instance gets there, as each chose', async () => {
    await notify(['clerkA', 'clerkA2', 'managerA', 'clerkB', 'quality'], caseId, `overdue:${caseId}`);
    await roundsOnBoth();
    await roundsOnBoth();
    expect(smtp.accepted).toHaveLength(2);

    expect(smtp.to(address('clerkA'))).toHaveLength(1);
    expect(smtp.to(address('managerA'))).toHaveLength(1);
    expect(smtp.to(address('clerkA2'))).toHaveLength(0); // the morning digest only
    expect(smtp.to(address('clerkB'))).toHaveLength(0); // e-mail off
    const reasons = async (key: keyof Office['users']) =>
      (await selectDeliveriesOfUser(db(), office.users[key].id)).map((d) => d.skip_reason ?? d.status);
    expect(await reasons('clerkA2')).toEqual(['digest_only']);
    expect(await reasons('clerkB')).toEqual(['email_off']);
    expect(await reasons('quality')).toEqual(['no_address']);

    const [pl] = smtp.to(address('clerkA'));
    expect(pl.subject).toBe(`Sprawa ${caseReference} jest po terminie`);
    expect(pl.text).toContain(`https://pu.example/sprawy/${caseId}`);
    expect(pl.text).toContain('https://pu.example/ustawienia');
    expect(pl.from).toBe('pu@urzad.example');
    expect(pl.headers['auto-submitted']).toBe('auto-generated');
    const [en] = smtp.to(address('managerA'));
    expect(en.subject).toBe(`Case ${caseReference} is overdue`);
    for (const mail of [pl, en]) {
      for (const detail of [...Object.values(CLIENT), 'the subject stays in the app'])
        expect(`${mail.subject}\n${mail.text}`).not.toContain(detail);
    }
  });

  it('a notification stored again (another replica, a rerun) is not mailed again', async () => {
    const before = smtp.accepted.length;
    await notify(['clerkA', 'managerA'], caseId, `overdue:${caseId}`);
    await roundsOnBoth();
    expect(smtp.accepted.length).toBe(before);
  });

  it('an instance stopped mid-send finishes that send and records it: its successor sends nothing again', async () => {
    const hold = smtp.holdNext();
    await notify(['clerkA'], caseId, `stop:${caseId}`);
    const before = smtp.to(address('clerkA')).length;
    const round = a.app.get(MailWorker).runRound();
    await hold.received; // the server has the message and has not answered yet
    const stopping = a.close();
    setTimeout(hold.release, 300);
    await stopping;
    // At least this one (another file's notifications may have gone in the same round).
    expect((await round).sent).toBeGreaterThanOrEqual(1);
    a = await createTestApp(env());
    a.clock.advance(b.clock.now().getTime() - a.clock.now().getTime());
    advance(SEND_LEASE_MS + 1_000);
    await roundsOnBoth();
    expect(smtp.to(address('clerkA')).length).toBe(before + 1);
    const rows = await selectDeliveriesOfUser(db(), office.users.clerkA.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['sent', 1]));
  });

  it('a message whose sender died after claiming it goes once, after the lease, from another instance', async () => {
    const before = smtp.to(address('clerkA')).length;
    await notify(['clerkA'], caseId, `died:${caseId}`);
    // Recorded, then claimed by a sender that dies before the server answers.
    await a.app.get(NotificationEmails).enqueueNew();
    const claimed = await claimDueDeliveries(db(), a.clock.now(), SEND_LEASE_MS, 10);
    expect(claimed.filter((d) => d.recipient === address('clerkA'))).toHaveLength(1);
    await roundsOnBoth();
    expect(smtp.to(address('clerkA')).length).toBe(before); // still leased by the dead sender
    advance(SEND_LEASE_MS + 1_000);
    await roundsOnBoth();
    await roundsOnBoth();
    expect(smtp.to(address('clerkA')).length).toBe(before + 1);
  });

  it('retries a refusing server with growing waits, then sends once', async () => {
    const before = smtp.to(address('managerA')).length;
    const attemptsBefore = smtp.attempts;
    smtp.refuseNext(2, 451);
    await notify(['managerA'], caseId, `retry:${caseId}`);
    expect((await roundsOnBoth()).reduce((n, r) => n + r.retrying, 0)).toBe(1);
    await roundsOnBoth(); // not yet due again
    expect(smtp.attempts).toBe(attemptsBefore + 1);
    advance(30_000); // the first wait is 15–30 s
    expect((await roundsOnBoth()).reduce((n, r) => n + r.retrying, 0)).toBe(1);
    advance(30_000); // the second is 30–60 s: maybe not yet
    await roundsOnBoth();
    advance(30_000);
    await roundsOnBoth();
    expect(smtp.attempts).toBe(attemptsBefore + 3);
    expect(smtp.to(address('managerA')).length).toBe(before + 1);
    const retried = (await selectDeliveriesOfUser(db(), office.users.managerA.id)).filter((r) => r.attempts === 3);
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ status: 'sent', last_error: null });
  });

  it('gives up at once on a permanent refusal (5xx)', async () => {
    const attemptsBefore = smtp.attempts;
    smtp.refuseNext(1, 550, 'No such user here');
    await notify(['managerA'], caseId, `refused:${caseId}`);
    expect((await roundsOnBoth()).reduce((n, r) => n + r.failed, 0)).toBe(1);
    advance(3_600_000);
    await roundsOnBoth();
    expect(smtp.attempts).toBe(attemptsBefore + 1);
    const failed = (await selectDeliveriesOfUser(db(), office.users.managerA.id)).filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].last_error).toContain('No such user here');
  });

  it("the reminder scan on both instances: each person gets one e-mail per reminder, without the promise's words", async () => {
    const HOUR = 3_600_000;
    const scanBoth = () => Promise.all([a, b].map((t) => t.app.get(ReminderScan).scan()));
    const promiseMails = (key: keyof Office['users']) =>
      smtp.to(address(key)).filter((m) => /zobowiązani|promise/i.test(m.subject));
    // Sessions have expired while the clock ran on: sign in afresh (through B; A was restarted).
    const clerkNow = await signedIn(b.app, office.users.clerkA.username, TEST_PASSWORD);
    const dueAt = new Date(b.clock.now().getTime() + 3 * HOUR);
    const words = `Oddzwonię do ${CLIENT.name} pod numer ${CLIENT.phone}`;
    expectStatus(
      await clerkNow.post(`/api/cases/${caseId}/promises`, { description: words, channel: 'phone', dueAt }),
      201,
    );

    advance(dueAt.getTime() - 90 * 60_000 - a.clock.now().getTime());
    await scanBoth();
    await scanBoth();
    await roundsOnBoth();
    await roundsOnBoth();
    expect(promiseMails('clerkA').map((m) => m.subject)).toEqual([
      `Zbliża się termin zobowiązania w sprawie ${caseReference}`,
    ]);
    expect(promiseMails('managerA')).toEqual([]);

    advance(dueAt.getTime() + 60_000 - a.clock.now().getTime());
    await scanBoth();
    await scanBoth();
    await roundsOnBoth();
    await roundsOnBoth();
    expect(promiseMails('clerkA')).toHaveLength(2);
    expect(promiseMails('managerA').map((m) => m.subject)).toEqual([`A promise in case ${caseReference} was not kept`]);
    for (const mail of [...promiseMails('clerkA'), ...promiseMails('managerA')]) {
      expect(mail.text).not.toContain(words);
      expect(mail.text).not.toContain(CLIENT.phone);
    }
  });

  describe('the morning digest', () => {
    /** 07:31 Warsaw time on `day`, minus the instances' clock: how far to move it. */
    const moveTo = (day: LocalDate, hh = 7, mm = 31) => {
      const [y, m, d] = day.split('-').map(Number);
      const target = new TZDate(y, m - 1, d, hh, mm, 'Europe/Warsaw').getTime();
      advance(target - a.clock.now().getTime());
    };
    const nextWorkingDay = (from: LocalDate) => {
      let day = addCalendarDays(from, 1);
      while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
      return day;
    };
    const digestsTo = (key: keyof Office['users']) =>
      smtp.to(address(key)).filter((m) => /^(Na dziś|For today)/.test(m.subject));

    it('goes once per person on a working morning, with what is overdue, from either instance', async () => {
      // Forty days on, the complaints (a month's deadline) are overdue.
      let day = addCalendarDays(warsawDate(a.clock.now()), 40);
      while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
      moveTo(day, 7, 29);
      await roundsOnBoth();
      expect(digestsTo('clerkA')).toHaveLength(0); // not before DIGEST_AT
      moveTo(day);
      await Promise.all([roundsOnBoth(), roundsOnBoth()]);
      await roundsOnBoth();

      expect(digestsTo('clerkA')).toHaveLength(1);
      expect(digestsTo('managerA')).toHaveLength(1); // overdue cases go to the department's managers too
      expect(digestsTo('clerkA2')).toHaveLength(1); // "digest only" gets it
      expect(digestsTo('clerkB')).toHaveLength(0); // e-mail off
      const [mine] = digestsTo('clerkA');
      expect(mine.text).toContain('Po terminie:');
      expect(mine.text).toContain(caseReference);
      expect(mine.text).toContain(`https://pu.example/sprawy/${caseId}`);
      for (const detail of Object.values(CLIENT)) expect(mine.text).not.toContain(detail);
      expect(digestsTo('managerA')[0].text).toContain('Overdue:');
      const keys = (await selectDeliveriesOfUser(db(), office.users.clerkA.id)).filter((d) => d.kind === 'digest');
      expect(keys.map((k) => k.dedupe_key)).toEqual([`digest:${office.users.clerkA.id}:${day}`]);

      // Later that day, and on the next non-working day: nothing more.
      advance(6 * 3_600_000);
      await roundsOnBoth();
      let weekend = addCalendarDays(day, 1);
      while (isWorkingDay(weekend)) weekend = addCalendarDays(weekend, 1);
      moveTo(weekend, 9, 0);
      await roundsOnBoth();
      expect(digestsTo('clerkA')).toHaveLength(1);

      // The next working morning brings the next digest.
      moveTo(nextWorkingDay(weekend));
      await roundsOnBoth();
      expect(digestsTo('clerkA')).toHaveLength(2);
    });
  });
});
