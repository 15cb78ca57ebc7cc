import {
  appealDeadline,
  complaintDeadline,
  councillorReplyDeadline,
  forwardingDeadline,
  incidentRecordDeadline,
  officeErrorInformDeadline,
} from './legal-deadlines';

/** Noon in Warsaw on that day (winter or summer offset doesn't matter at noon). */
const noon = (day: string) => new Date(`${day}T12:00:00+01:00`);

describe('complaintDeadline: one month (KPA art. 237 § 1, art. 57 § 3–4)', () => {
  it('ends on the same day number of the next month', () => {
    const d = complaintDeadline(noon('2026-03-10'));
    expect(d).toMatchObject({
      rule: 'KPA art. 237 § 1, art. 57 § 3–4',
      from: '2026-03-10',
      nominal: '2026-04-10',
      due: '2026-04-10',
      shifts: [],
    });
    // 10 April is in summer time: end of day is 21:59:59.999 UTC.
    expect(d.dueAt).toBe('2026-04-10T21:59:59.999Z');
  });

  it('31 January → 28 February (a Saturday) → Monday 2 March', () => {
    const d = complaintDeadline(noon('2026-01-31'));
    expect(d.nominal).toBe('2026-02-28');
    expect(d.due).toBe('2026-03-02');
    expect(d.shifts).toEqual([
      { date: '2026-02-28', reason: 'saturday' },
      { date: '2026-03-01', reason: 'sunday' },
    ]);
    expect(d.explanation.pl).toContain('nie ma 31. dnia');
    expect(d.explanation.pl).toContain('przesunięto na 02.03.2026 (art. 57 § 4 KPA)');
  });

  it('31 January in a leap year → 29 February', () => {
    expect(complaintDeadline(noon('2028-01-31'))).toMatchObject({ nominal: '2028-02-29', due: '2028-02-29' });
  });

  it('31 March → 30 April', () => {
    expect(complaintDeadline(noon('2026-03-31'))).toMatchObject({ nominal: '2026-04-30', due: '2026-04-30' });
  });

  it('over the year end: 31 December → 31 January (a Sunday) → 1 February', () => {
    expect(complaintDeadline(noon('2026-12-31'))).toMatchObject({ nominal: '2027-01-31', due: '2027-02-01' });
  });

  it('15 August (holiday on a Saturday) → Monday 17 August, with the explanation the brief asks for', () => {
    const d = complaintDeadline(noon('2026-07-15'));
    expect(d.due).toBe('2026-08-17');
    expect(d.shifts).toEqual([
      { date: '2026-08-15', reason: 'holiday', holiday: 'Wniebowzięcie Najświętszej Maryi Panny' },
      { date: '2026-08-16', reason: 'sunday' },
    ]);
    expect(d.explanation.pl).toBe(
      'Termin: 1 miesiąc od dnia wpływu skargi 15.07.2026 (art. 237 § 1 KPA) – 15.08.2026 (art. 57 § 3 KPA). ' +
        '15.08.2026 to święto (Wniebowzięcie Najświętszej Maryi Panny), 16.08.2026 to niedziela – przesunięto na 17.08.2026 (art. 57 § 4 KPA).',
    );
    expect(d.explanation.en).toContain('15/08/2026 is a public holiday (Assumption)');
    expect(d.explanation.en).toContain('moved to 17/08/2026 (KPA art. 57 § 4)');
  });

  it('1 May and 3 May with a weekend between → 4 May', () => {
    const d = complaintDeadline(noon('2026-04-01'));
    expect(d.due).toBe('2026-05-04');
    expect(d.shifts.map((s) => s.reason)).toEqual(['holiday', 'saturday', 'holiday']);
  });

  it('counts from the Warsaw day of receipt: 23:30 local is still that day', () => {
    // 31 March 23:30 Warsaw (summer time) is 21:30 UTC; 1 April 00:30 Warsaw is still 31 March in UTC.
    expect(complaintDeadline(new Date('2026-03-31T21:30:00Z'))).toMatchObject({
      from: '2026-03-31',
      nominal: '2026-04-30',
    });
    expect(complaintDeadline(new Date('2026-03-31T22:30:00Z'))).toMatchObject({
      from: '2026-04-01',
      nominal: '2026-05-01',
      due: '2026-05-04',
    });
    // Winter: 23:30 on 14 January is 22:30 UTC.
    expect(complaintDeadline(new Date('2026-01-14T22:30:00Z')).from).toBe('2026-01-14');
  });

  it('across the autumn DST change the due instant is end of day in winter time', () => {
    expect(complaintDeadline(noon('2026-10-02')).dueAt).toBe('2026-11-02T22:59:59.999Z');
  });
});

describe('day-count deadlines (art. 57 § 1: the start day is not counted)', () => {
  it('14 days from 1 March end on 15 March (a Sunday here, so 16 March)', () => {
    const d = appealDeadline(noon('2026-03-01'));
    expect(d).toMatchObject({ rule: 'KPA art. 129 § 2, art. 57 § 1 i 4', nominal: '2026-03-15', due: '2026-03-16' });
    expect(d.explanation.pl).toContain('nie wlicza się – art. 57 § 1 KPA');
  });

  it('a deadline past the last accepted input year is still computed (delivery on 31.12.2199)', () => {
    expect(appealDeadline(noon('2199-12-31')).nominal).toBe('2200-01-14');
  });

  it('appeal: Easter Monday 2026-04-06 → 7 April', () => {
    expect(appealDeadline(noon('2026-03-23'))).toMatchObject({
      nominal: '2026-04-06',
      due: '2026-04-07',
      shifts: [{ date: '2026-04-06', reason: 'holiday', holiday: 'Drugi dzień Wielkanocy' }],
    });
  });

  it('appeal: 24–26 December and a Sunday (2026) → 28 December', () => {
    const d = appealDeadline(noon('2026-12-10'));
    expect(d.nominal).toBe('2026-12-24');
    expect(d.due).toBe('2026-12-28');
    expect(d.shifts.map((s) => s.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']);
  });

  it('appeal: 24–26 December and a full weekend (2025) → 29 December', () => {
    const d = appealDeadline(noon('2025-12-10'));
    expect(d.due).toBe('2025-12-29');
    expect(d.shifts.map((s) => s.reason)).toEqual(['holiday', 'holiday', 'holiday', 'saturday', 'sunday']);
  });

  it('appeal: 24 December 2024 was still a working day', () => {
    expect(appealDeadline(noon('2024-12-10'))).toMatchObject({ nominal: '2024-12-24', due: '2024-12-24', shifts: [] });
  });

  it('appeal: Epiphany across the year end', () => {
    expect(appealDeadline(noon('2026-12-23'))).toMatchObject({ nominal: '2027-01-06', due: '2027-01-07' });
  });

  it('appeal delivered late in the evening counts from that day', () => {
    expect(appealDeadline(new Date('2026-12-10T22:30:00Z'))).toMatchObject({ from: '2026-12-10', due: '2026-12-28' });
    expect(appealDeadline(new Date('2026-12-10T23:00:00Z'))).toMatchObject({ from: '2026-12-11' });
  });

  it('forwarding (art. 231, 7 days): Corpus Christi 2026-06-04 → 5 June', () => {
    expect(forwardingDeadline(noon('2026-05-28'))).toMatchObject({
      rule: 'KPA art. 231, art. 57 § 1 i 4',
      nominal: '2026-06-04',
      due: '2026-06-05',
    });
  });

  it('forwarding: a Saturday end moves to Monday', () => {
    expect(forwardingDeadline(noon('2026-02-28'))).toMatchObject({ nominal: '2026-03-07', due: '2026-03-09' });
  });

  it('councillor (art. 237 § 2, 14 days): 11 November → 12 November; 1 November (Sunday) → 2 November', () => {
    expect(councillorReplyDeadline(noon('2026-10-28'))).toMatchObject({ nominal: '2026-11-11', due: '2026-11-12' });
    expect(councillorReplyDeadline(noon('2026-10-18'))).toMatchObject({
      nominal: '2026-11-01',
      due: '2026-11-02',
      shifts: [{ date: '2026-11-01', reason: 'holiday', holiday: 'Wszystkich Świętych' }],
    });
  });

  it('across the spring DST change', () => {
    const d = appealDeadline(new Date('2026-03-20T23:30:00+01:00'));
    expect(d).toMatchObject({ from: '2026-03-20', due: '2026-04-03' });
    expect(d.dueAt).toBe('2026-04-03T21:59:59.999Z');
  });
});

describe('working-day targets', () => {
  it('office error: 1 working day by default, skipping the May holidays', () => {
    const d = officeErrorInformDeadline(noon('2026-04-30'));
    expect(d).toMatchObject({
      rule: 'Standard 21 (niezwłocznie)',
      from: '2026-04-30',
      nominal: '2026-05-01',
      due: '2026-05-04',
    });
    expect(d.shifts.map((s) => s.date)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    expect(d.explanation.pl).toContain('1 dzień roboczy');
    expect(d.explanation.pl).toContain('Pominięto dni wolne od pracy');
  });

  it('office error: a configurable number of working days', () => {
    const d = officeErrorInformDeadline(noon('2026-12-23'), 3);
    expect(d.due).toBe('2026-12-30');
    expect(d.explanation.pl).toContain('3 dni robocze');
    expect(officeErrorInformDeadline(noon('2026-03-02'), 5).explanation.pl).toContain('5 dni roboczych');
    expect(() => officeErrorInformDeadline(noon('2026-03-02'), -1)).toThrow(RangeError);
  });

  it('office error found on a Saturday: Monday', () => {
    expect(officeErrorInformDeadline(noon('2026-03-07')).due).toBe('2026-03-09');
  });

  it('incident record: next working day, across Christmas', () => {
    const d = incidentRecordDeadline(new Date('2026-12-23T16:00:00+01:00'));
    expect(d).toMatchObject({ due: '2026-12-28', dueAt: '2026-12-28T22:59:59.999Z' });
  });

  it('a plain weekday has no shifts', () => {
    expect(incidentRecordDeadline(noon('2026-03-02'))).toMatchObject({ due: '2026-03-03', shifts: [] });
  });
});
