import {
  splitByMonths,
  competitionRanks,
  MAX_REPORT_DAYS,
  parseReportPeriod,
  periodDays,
  periodInstants,
  previousPeriod,
  trendOf,
} from './report-period';

describe('parseReportPeriod', () => {
  it('takes a year as its Warsaw calendar days', () => {
    expect(parseReportPeriod({ year: '2026' })).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-12-31' } });
  });

  it('takes from–to, both days counted', () => {
    expect(parseReportPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      ok: true,
      period: { from: '2026-03-01', to: '2026-03-01' },
    });
  });

  it.each([
    [{}, 'year'],
    [{ year: '26' }, 'year'],
    [{ year: '1899' }, 'year'],
    [{ year: '2026', from: '2026-01-01' }, 'year'],
    [{ from: '2026-01-01' }, 'to'],
    [{ to: '2026-01-01' }, 'from'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
  ])('refuses %j, naming %s, in both languages', (query, field) => {
    const result = parseReportPeriod(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message.pl).toBeTruthy();
      expect(result.message.en).toBeTruthy();
    }
  });

  it('allows at most three years', () => {
    expect(parseReportPeriod({ from: '2024-01-01', to: '2026-12-31' }).ok).toBe(true);
    expect(periodDays({ from: '2024-01-01', to: '2026-12-31' })).toBeLessThanOrEqual(MAX_REPORT_DAYS);
    expect(parseReportPeriod({ from: '2023-01-01', to: '2026-12-31' }).ok).toBe(false);
  });
});

describe('previousPeriod', () => {
  it('a year against the year before, leap years included', () => {
    expect(previousPeriod({ from: '2029-01-01', to: '2029-12-31' })).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('whole months against as many months before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('other ranges against as many days before', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
  });
});

describe('periodInstants', () => {
  it('bounds the Warsaw days: 23:30 UTC on 31 December is already 1 January', () => {
    const { start, end } = periodInstants({ from: '2030-01-01', to: '2030-12-31' });
    expect(start.toISOString()).toBe('2029-12-31T23:00:00.000Z');
    expect(end.toISOString()).toBe('2030-12-31T23:00:00.000Z');
    const at = Date.parse('2029-12-31T23:30:00Z');
    expect(at >= start.getTime() && at < end.getTime()).toBe(true);
  });

  it('follows summer time', () => {
    expect(periodInstants({ from: '2026-07-01', to: '2026-07-31' }).start.toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
  });
});

describe('trendOf and competitionRanks', () => {
  it('names how an area moved', () => {
    expect(trendOf(3, 1)).toBe('up');
    expect(trendOf(1, 3)).toBe('down');
    expect(trendOf(2, 2)).toBe('same');
    expect(trendOf(0, 0)).toBe('same');
    expect(trendOf(1, 0)).toBe('new');
    expect(trendOf(0, 1)).toBe('gone');
  });

  it('ranks ties together and skips after them', () => {
    expect(competitionRanks([5, 3, 3, 1, 0, 0])).toEqual([1, 2, 2, 4, 5, 5]);
  });
});

describe('splitByMonths', () => {
  it('takes a year as its twelve months and nothing else', () => {
    const { months, rest } = splitByMonths({ from: '2025-01-01', to: '2025-12-31' });
    expect(months).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(rest).toEqual([]);
  });

  it('keeps the days before and after the whole months apart', () => {
    expect(splitByMonths({ from: '2024-01-15', to: '2024-04-10' })).toEqual({
      months: ['2024-02', '2024-03'],
      rest: [
        { from: '2024-01-15', to: '2024-01-31' },
        { from: '2024-04-01', to: '2024-04-10' },
      ],
    });
  });

  it('counts February of a leap year whole only to the 29th', () => {
    expect(splitByMonths({ from: '2024-02-01', to: '2024-02-28' })).toEqual({
      months: [],
      rest: [{ from: '2024-02-01', to: '2024-02-28' }],
    });
    expect(splitByMonths({ from: '2024-02-01', to: '2024-02-29' }).months).toEqual(['2024-02']);
  });

  it('gives a period inside one month as one run of days, and one day as itself', () => {
    expect(splitByMonths({ from: '2025-03-05', to: '2025-03-20' })).toEqual({
      months: [],
      rest: [{ from: '2025-03-05', to: '2025-03-20' }],
    });
    expect(splitByMonths({ from: '2025-12-31', to: '2025-12-31' }).rest).toEqual([
      { from: '2025-12-31', to: '2025-12-31' },
    ]);
  });

  it('joins a partial month and the partial month after it into one run', () => {
    expect(splitByMonths({ from: '2025-03-20', to: '2025-04-10' })).toEqual({
      months: [],
      rest: [{ from: '2025-03-20', to: '2025-04-10' }],
    });
  });
});
