import { validateDeadlineExtension } from './deadline-extension';

const polishContaining = (text: string) => expect.objectContaining({ pl: expect.stringContaining(text) }) as unknown;
const anyText = expect.objectContaining({ pl: expect.any(String), en: expect.any(String) }) as unknown;

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
      reason: [polishContaining('art. 36')],
    });
    expect(validateDeadlineExtension({ ...ok, reason: 'x'.repeat(2001) })).toEqual({ reason: [anyText] });
  });

  it('requires the client to have been told first', () => {
    expect(validateDeadlineExtension({ ...ok, clientToldAt: null })).toEqual({
      clientToldAt: [polishContaining('Najpierw zawiadom klienta')],
    });
    expect(validateDeadlineExtension({ ...ok, clientToldAt: 'wczoraj' })).toEqual({
      clientToldAt: [anyText],
    });
    expect(validateDeadlineExtension(ok, new Date('2026-04-01T00:00:00Z'))).toEqual({
      clientToldAt: [polishContaining('przyszłości')],
    });
  });

  it('requires the new date to be later than the current one', () => {
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-04-10' })).toEqual({
      newDue: [polishContaining('10.04.2026')],
    });
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-04-01' })).toEqual({ newDue: [anyText] });
    expect(validateDeadlineExtension({ ...ok, newDue: '2026-02-30' })).toEqual({ newDue: [anyText] });
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
