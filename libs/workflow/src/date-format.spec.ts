import { formatDate, formatPeriod } from './date-format';
describe('formatPeriod', () => {
  it('writes both ends in the language’s form', () => {
    expect(formatPeriod({ from: '2025-01-01', to: '2025-12-31' }, 'pl')).toBe('01.01.2025 – 31.12.2025');
    expect(formatPeriod({ from: '2025-01-01', to: '2025-12-31' }, 'en')).toBe(
      `${formatDate('2025-01-01', 'en')} – ${formatDate('2025-12-31', 'en')}`,
    );
  });
});
