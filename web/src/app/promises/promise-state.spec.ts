import type { PromiseResponse } from '@pu/contracts';
import { promiseStateAt } from './promise-state';

const promise = (state: PromiseResponse['state'], dueAt: string): PromiseResponse =>
  ({ state, dueAt, keptAt: state === 'open' || state === 'broken' ? null : dueAt }) as PromiseResponse;

describe('promiseStateAt', () => {
  const now = Date.parse('2026-03-02T12:00:00Z');

  it('keeps the state the API gave while the due time has not passed', () => {
    expect(promiseStateAt(promise('open', '2026-03-02T12:00:01Z'), now)).toBe('open');
  });

  it('turns an open promise broken the moment its due time passes on an open page', () => {
    expect(promiseStateAt(promise('open', '2026-03-02T11:59:59Z'), now)).toBe('broken');
  });

  it('never changes a settled promise', () => {
    expect(promiseStateAt(promise('kept', '2026-03-01T00:00:00Z'), now)).toBe('kept');
    expect(promiseStateAt(promise('kept_late', '2026-03-01T00:00:00Z'), now)).toBe('kept_late');
    expect(promiseStateAt(promise('broken', '2026-03-01T00:00:00Z'), now)).toBe('broken');
  });
});
