import type { TranslocoService } from '@jsverse/transloco';
import { formatRelativeDue, relativeDue } from './relative-due';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relativeDue', () => {
  it('says "now" within half a minute either way', () => {
    expect(relativeDue(at(20_000), NOW)).toEqual({ overdue: false, unit: 'now', count: 0 });
    expect(relativeDue(at(-20_000), NOW)).toEqual({ overdue: true, unit: 'now', count: 0 });
  });

  it('counts minutes, then hours, to the nearest', () => {
    expect(relativeDue(at(5 * MIN), NOW)).toEqual({ overdue: false, unit: 'minutes', count: 5 });
    expect(relativeDue(at(-59 * MIN), NOW)).toEqual({ overdue: true, unit: 'minutes', count: 59 });
    // A call-back due in 2 h 59 min reads "in 3 h".
    expect(relativeDue(at(2 * HOUR + 59 * MIN), NOW)).toEqual({ overdue: false, unit: 'hours', count: 3 });
    expect(relativeDue(at(-23 * HOUR), NOW)).toEqual({ overdue: true, unit: 'hours', count: 23 });
  });

  it('counts whole days from a day on', () => {
    expect(relativeDue(at(DAY), NOW)).toEqual({ overdue: false, unit: 'days', count: 1 });
    expect(relativeDue(at(-(2 * DAY + 23 * HOUR)), NOW)).toEqual({ overdue: true, unit: 'days', count: 2 });
  });

  it('has nothing to say about a time it cannot read', () => {
    expect(relativeDue('soon', NOW)).toBeNull();
  });
});

/** Translation keys with their parameters, in place of the texts (the texts are the translators'). */
function keysIn(lang: string): TranslocoService {
  const stub: Pick<TranslocoService, 'translate' | 'getActiveLang'> = {
    translate: ((key: string, params?: Record<string, unknown>) =>
      params ? `${key} ${JSON.stringify(params)}` : key) as TranslocoService['translate'],
    getActiveLang: () => lang,
  };
  return stub as TranslocoService;
}

describe('formatRelativeDue', () => {
  it('picks the text by direction and unit', () => {
    expect(formatRelativeDue(keysIn('pl'), at(10 * MIN), NOW)).toBe('promises.relative.left.minutes {"count":10}');
    expect(formatRelativeDue(keysIn('pl'), at(-3 * HOUR), NOW)).toBe('promises.relative.overdue.hours {"count":3}');
    expect(formatRelativeDue(keysIn('pl'), at(0), NOW)).toBe('promises.relative.now');
  });

  it("chooses the plural form of days by the language's rules", () => {
    // Polish: 1 dzień, 2–4 dni, 5 dni — "one", "few", "many".
    expect(formatRelativeDue(keysIn('pl'), at(DAY), NOW)).toBe('promises.relative.left.days.one {"count":1}');
    expect(formatRelativeDue(keysIn('pl'), at(-3 * DAY), NOW)).toBe('promises.relative.overdue.days.few {"count":3}');
    expect(formatRelativeDue(keysIn('pl'), at(5 * DAY), NOW)).toBe('promises.relative.left.days.many {"count":5}');
    expect(formatRelativeDue(keysIn('en'), at(5 * DAY), NOW)).toBe('promises.relative.left.days.other {"count":5}');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(formatRelativeDue(keysIn('pl'), 'soon', NOW)).toBe('');
  });
});
