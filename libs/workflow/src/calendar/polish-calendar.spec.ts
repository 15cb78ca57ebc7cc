import {
  addWorkingDays,
  hoursBetween,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  nonWorkingReason,
  polishHoliday,
  polishHolidayName,
  workingDaysBetween,
} from './polish-calendar';

describe('polishHoliday', () => {
  it.each([
    ['2026-01-01', 'Nowy Rok'],
    ['2026-01-06', 'Święto Trzech Króli'],
    ['2026-04-05', 'Niedziela Wielkanocna'],
    ['2026-04-06', 'Drugi dzień Wielkanocy'],
    ['2026-05-01', 'Święto Państwowe; Święto Pracy'],
    ['2026-05-03', 'Święto Narodowe Trzeciego Maja'],
    ['2026-05-24', 'Zielone Świątki'],
    ['2026-06-04', 'Dzień Bożego Ciała'],
    ['2026-08-15', 'Wniebowzięcie Najświętszej Maryi Panny'],
    ['2026-11-01', 'Wszystkich Świętych'],
    ['2026-11-11', 'Narodowe Święto Niepodległości'],
    ['2026-12-24', 'Wigilia Bożego Narodzenia'],
    ['2026-12-25', 'Pierwszy dzień Bożego Narodzenia'],
    ['2026-12-26', 'Drugi dzień Bożego Narodzenia'],
  ])('%s is %s', (day, name) => {
    expect(polishHoliday(day)).toBe(name);
  });

  it('ignores observances that are not days off', () => {
    for (const day of ['2026-05-02', '2026-02-14', '2026-12-31', '2026-04-03']) expect(polishHoliday(day)).toBeNull();
  });

  it('has 24 December as a public holiday from 2025 on, and not before', () => {
    for (let y = 2020; y <= 2024; y++) expect(polishHoliday(`${y}-12-24`)).toBeNull();
    for (let y = 2025; y <= 2040; y++) expect(polishHoliday(`${y}-12-24`)).toBe('Wigilia Bożego Narodzenia');
  });

  it('follows Easter from year to year', () => {
    expect(polishHoliday('2025-04-21')).toBe('Drugi dzień Wielkanocy');
    expect(polishHoliday('2027-03-29')).toBe('Drugi dzień Wielkanocy');
    expect(polishHoliday('2027-05-27')).toBe('Dzień Bożego Ciała');
  });

  it('has English names too', () => {
    expect(polishHolidayName('2026-08-15')).toEqual({ pl: 'Wniebowzięcie Najświętszej Maryi Panny', en: 'Assumption' });
  });

  it('rejects malformed dates', () => {
    expect(() => polishHoliday('2026-02-30')).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('knows why a day is off; a holiday on a weekend counts as the holiday', () => {
    expect(nonWorkingReason('2026-03-07')).toBe('saturday');
    expect(nonWorkingReason('2026-03-08')).toBe('sunday');
    expect(nonWorkingReason('2026-05-03')).toBe('holiday');
    expect(nonWorkingReason('2026-08-15')).toBe('holiday');
    expect(nonWorkingReason('2026-03-09')).toBeNull();
    expect(isWorkingDay('2026-03-09')).toBe(true);
    expect(isWorkingDay('2026-11-11')).toBe(false);
  });

  it('finds the next working day across chains of days off', () => {
    expect(nextWorkingDayOnOrAfter('2026-03-09')).toBe('2026-03-09');
    expect(nextWorkingDayOnOrAfter('2026-05-01')).toBe('2026-05-04');
    expect(nextWorkingDayOnOrAfter('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDayOnOrAfter('2025-12-24')).toBe('2025-12-29');
    expect(nextWorkingDayOnOrAfter('2026-12-31')).toBe('2026-12-31');
    expect(nextWorkingDayOnOrAfter('2027-01-01')).toBe('2027-01-04');
  });

  it('adds working days, not counting the start day', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(addWorkingDays('2026-05-04', -1)).toBe('2026-04-30');
    expect(() => addWorkingDays('2026-05-04', 1.5)).toThrow(RangeError);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-04-30', '2026-05-04')).toBe(1);
    expect(workingDaysBetween('2026-05-04', '2026-04-30')).toBe(-1);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-16')).toBe(10);
  });

  it('measures hours between instants across a DST change', () => {
    expect(hoursBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'))).toBe(23);
  });
});
