import { isPromiseKeptOnTime, promiseState, validatePromiseReschedule } from './promises';

const polishContaining = (text: string) => expect.objectContaining({ pl: expect.stringContaining(text) }) as unknown;
const anyText = expect.objectContaining({ pl: expect.any(String), en: expect.any(String) }) as unknown;

describe('promiseState', () => {
  const dueAt = '2026-03-03T22:59:59.999Z';

  it('open until due, broken after, never stored', () => {
    expect(promiseState({ dueAt, keptAt: null }, new Date('2026-03-03T22:59:59.999Z'))).toBe('open');
    expect(promiseState({ dueAt, keptAt: null }, new Date('2026-03-03T23:00:00.000Z'))).toBe('broken');
  });

  it('kept on time or late', () => {
    const later = new Date('2026-04-01T00:00:00Z');
    expect(promiseState({ dueAt, keptAt: '2026-03-03T10:00:00Z' }, later)).toBe('kept');
    expect(promiseState({ dueAt, keptAt: dueAt }, later)).toBe('kept');
    expect(promiseState({ dueAt, keptAt: '2026-03-04T08:00:00+01:00' }, later)).toBe('kept_late');
  });

  it('compares instants, not strings, whatever the offset', () => {
    expect(promiseState({ dueAt: '2026-03-03T23:59:59+01:00', keptAt: '2026-03-03T23:30:00Z' }, new Date())).toBe(
      'kept_late',
    );
  });

  it('rejects garbage', () => {
    expect(() => promiseState({ dueAt: 'tomorrow', keptAt: null }, new Date())).toThrow(RangeError);
  });

  it('kept-on-time figure', () => {
    expect(isPromiseKeptOnTime('kept')).toBe(true);
    expect(isPromiseKeptOnTime('kept_late')).toBe(false);
    expect(isPromiseKeptOnTime('broken')).toBe(false);
    expect(isPromiseKeptOnTime('open')).toBeNull();
  });
});

describe('validatePromiseReschedule (standard 17 pkt 4)', () => {
  const base = {
    currentDueAt: '2026-03-03T22:59:59.999Z',
    newDueAt: '2026-03-05T15:00:00+01:00',
    clientToldAt: '2026-03-03T09:00:00+01:00',
  };

  it('accepts a later date once the client was told', () => {
    expect(validatePromiseReschedule(base, new Date('2026-03-03T10:00:00Z'))).toBeNull();
  });

  it('requires that the client was told, not in the future', () => {
    expect(validatePromiseReschedule({ ...base, clientToldAt: null })).toEqual({
      clientToldAt: [polishContaining('17 pkt 4')],
    });
    expect(validatePromiseReschedule(base, new Date('2026-03-01T00:00:00Z'))).toEqual({
      clientToldAt: [anyText],
    });
  });

  it('requires a valid, later date', () => {
    expect(validatePromiseReschedule({ ...base, newDueAt: '2026-03-02T10:00:00Z' })).toEqual({
      newDueAt: [anyText],
    });
    expect(validatePromiseReschedule({ ...base, newDueAt: '2026-03-05' })).toEqual({ newDueAt: [anyText] });
  });
});
