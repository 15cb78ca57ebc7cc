import {
  formatDate,
  formatDateTime,
  fromDateTimeInput,
  localizeDates,
  toDateTimeInput,
  todayDateInput,
} from './date-time';
import { dateFromInput, dateInputFrom } from './date-input-value';

// Inputs and times are the office's (Europe/Warsaw) wall clock whatever zone the machine is in: instants below are
// written in UTC, so the specs hold on a machine in any zone.
describe('date-time inputs', () => {
  it("writes an instant as the office's `YYYY-MM-DDTHH:mm`, in winter and in summer time", () => {
    expect(toDateTimeInput(new Date('2026-03-01T08:05:00Z'))).toBe('2026-03-01T09:05');
    expect(toDateTimeInput('2026-07-01T07:05:00Z')).toBe('2026-07-01T09:05');
    // 23:40 UTC on 1 December is already 2 December at the office.
    expect(toDateTimeInput('2026-12-01T23:40:00Z')).toBe('2026-12-02T00:40');
  });

  it('gives an empty input for a value that is not a date', () => {
    expect(toDateTimeInput('not a date')).toBe('');
  });

  it("reads an input's value as the office's time and answers an ISO instant", () => {
    expect(fromDateTimeInput('2026-03-01T09:05')).toBe('2026-03-01T08:05:00.000Z');
    expect(fromDateTimeInput('2026-07-01T09:05:30')).toBe('2026-07-01T07:05:30.000Z');
    expect(fromDateTimeInput('2026-12-02T00:40')).toBe('2026-12-01T23:40:00.000Z');
  });

  it('answers null for an empty or invalid value', () => {
    expect(fromDateTimeInput('')).toBeNull();
    expect(fromDateTimeInput(null)).toBeNull();
    expect(fromDateTimeInput(undefined)).toBeNull();
    for (const bad of ['2026-13-45T99:99', '2026-04-31T10:00', '2026-02-29T10:00', '2026-12-01T24:00', '01.12.2026'])
      expect(fromDateTimeInput(bad)).toBeNull();
  });

  it('round-trips what the input shows, also on the night summer time ends', () => {
    for (const shown of ['2026-10-25T01:30', '2026-10-25T03:30', '2026-12-31T23:59'])
      expect(toDateTimeInput(fromDateTimeInput(shown) ?? '')).toBe(shown);
  });

  it("gives the office's date for a date input", () => {
    expect(todayDateInput(new Date('2026-12-01T22:59:00Z'))).toBe('2026-12-01');
    expect(todayDateInput(new Date('2026-12-01T23:00:00Z'))).toBe('2026-12-02');
    expect(todayDateInput()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('formatDate', () => {
  it('shows a calendar date as it stands, in the interface language', () => {
    expect(formatDate('2026-03-01', 'pl')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'en')).toBe('01/03/2026');
  });

  it("shows an instant's date in the office's zone (Europe/Warsaw), where legal deadlines are counted", () => {
    // 23:30 UTC on 1 March is already 2 March in Warsaw (UTC+1).
    expect(formatDate('2026-03-01T23:30:00Z', 'pl')).toBe('02.03.2026');
    // 22:30 UTC on 1 July is 00:30 on 2 July in Warsaw (UTC+2, summer time).
    expect(formatDate('2026-07-01T22:30:00Z', 'pl')).toBe('02.07.2026');
  });

  it('leaves something that is not a date as it is, and shows nothing for nothing', () => {
    expect(formatDate('wkrótce', 'pl')).toBe('wkrótce');
    expect(formatDate(null, 'pl')).toBe('');
    expect(formatDate('', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it("shows an instant with the office's time, in the interface language", () => {
    const at = '2026-03-01T08:05:00Z';
    expect(formatDateTime(at, 'pl')).toBe('01.03.2026, 09:05');
    expect(formatDateTime(at, 'en')).toBe('01/03/2026, 09:05');
  });

  it('leaves something that is not a date as it is, and shows nothing for nothing', () => {
    expect(formatDateTime('jutro', 'pl')).toBe('jutro');
    expect(formatDateTime(undefined, 'pl')).toBe('');
  });
});

describe('date input values (the form keeps what a native date input had)', () => {
  it('reads a date as local midnight and a date-time as local time', () => {
    expect(dateFromInput('2026-12-01')).toEqual(new Date(2026, 11, 1));
    expect(dateFromInput('2026-12-01T14:05')).toEqual(new Date(2026, 11, 1, 14, 5));
  });

  it('refuses what is not a real day or time', () => {
    for (const bad of ['', '01.12.2026', '2026-02-30', '2026-13-01', '2026-12-01T24:00', '2026-12-01T10:60'])
      expect(dateFromInput(bad)).toBeNull();
  });

  it('writes a picked day, or a day and a time, back in the same form', () => {
    expect(dateInputFrom(new Date(2026, 0, 5), null)).toBe('2026-01-05');
    expect(dateInputFrom(new Date(2026, 0, 5), new Date(1999, 6, 7, 9, 3))).toBe('2026-01-05T09:03');
    expect(dateInputFrom(dateFromInput('2026-10-25T02:30') as Date, dateFromInput('2026-10-25T02:30'))).toBe(
      '2026-10-25T02:30',
    );
  });
});

describe('localizeDates', () => {
  it('writes every date of an explanation in the language’s one format', () => {
    const stored = 'Termin: 1 miesiąc od dnia 15.07.2026 – 17.08.2026. Termin przedłużono do 2027-02-08 (art. 36 KPA).';
    expect(localizeDates(stored, 'pl')).toBe(
      'Termin: 1 miesiąc od dnia 15.07.2026 – 17.08.2026. Termin przedłużono do 08.02.2027 (art. 36 KPA).',
    );
    expect(localizeDates('Extended to 2027-02-08, from 01.12.2026.', 'en')).toBe(
      'Extended to 08/02/2027, from 01/12/2026.',
    );
  });

  it('leaves numbers that are not dates alone', () => {
    expect(localizeDates('SO.1510.3.2026 and 2026-13-45', 'en')).toBe('SO.1510.3.2026 and 2026-13-45');
  });
});
