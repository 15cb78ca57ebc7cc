import { validateDeadlineExtension } from './deadline-extension';

describe('validateDeadlineExtension (KPA art. 36)', () => {
  const ok = {
    currentDue: '2026-04-10',
    newDue: '2026-05-08',
    reason: 'Oczekiwanie na opinię biegłego',
    clientToldAt: '2026-04-08T10:00:00+02:00',
  };

  it('accepts a later date with a reason once the client was told', () => {
    expect(validateDeadlineExtension(ok)).toBeNull();
    expect(validateDeadlineExtension(ok, new Date('2026-04-08T12:00:00Z'))).toBeNull();
  });

  it('requires a reason', () => {
    expect(validateDeadlineExtension({ ...ok, reason: '  ' })).toEqual({
      reason: [expect.stringContaining('art. 36')],
    });
    expect(validateDeadlineExtension({ ...ok, reason: 'x'.repeat(2001) })).toEqual({ reason: [expect.any(String)] });
  });

  it('requires the client to have been told first', () => {
    expect(validateDeadlineExtension({ ...ok, clientToldAt: null })).toEqual({
      clientToldAt: [expect.stringContaining('Najpierw zawiadom klienta')],
    });
    expect(validateDeadlineExtension({ ...ok, clientToldAt: 'wczoraj' })).toEqual({
      clientToldAt: [expect.any(String)],
    });
    expect(validateDeadlineExtension(ok, new Date('2026-04-01T00:00:00Z'))).toEqual({
      clientToldAt: [expect.stringContaining('przyszłości')],
    });
  });

  it('requires the new date to be later than the current one', () => {
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-04-10' })).toEqual({
      newDue: [expect.stringContaining('10.04.2026')],
    });
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-04-01' })).toEqual({ newDue: [expect.any(String)] });
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-02-30' })).toEqual({ newDue: [expect.any(String)] });
  });

  it('reports every problem at once', () => {
    expect(
      Object.keys(
        validateDeadlineExtension({ currentDue: '2026-04-10', newDue: '2026-04-01', reason: '', clientToldAt: null }) ??
          {},
      ).sort(),
    ).toEqual(['clientToldAt', 'newDue', 'reason']);
  });
});
