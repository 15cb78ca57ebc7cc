import { Logger } from '@nestjs/common';
import { ConnectionBreaker } from './connection-breaker';

describe('ConnectionBreaker', () => {
  let now: number;
  const policy = { firstMs: 250, maxMs: 2000 };
  // No jitter: the wait is then exactly half the exponential plus half of it.
  const breaker = () =>
    new ConnectionBreaker(
      policy,
      () => now,
      () => 1,
    );
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => (now = 1_000_000));

  it('passes every attempt while the database answers', () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) expect(b.beginAttempt()).toEqual({ probe: false });
    expect(b.stats).toEqual({ attempts: 5, refused: 0 });
    expect(b.refusing).toBe(false);
  });

  it('after a failure refuses attempts until the backoff has passed, then lets one probe through', () => {
    const b = breaker();
    b.attemptFailed(b.beginAttempt()!, new Error('connect ECONNREFUSED'));
    expect(b.closed).toBe(false);
    expect(b.refusing).toBe(true);
    expect(b.beginAttempt()).toBeNull();
    now += 249;
    expect(b.beginAttempt()).toBeNull();
    now += 1;
    const probe = b.beginAttempt();
    expect(probe).toEqual({ probe: true });
    // One probe at a time.
    expect(b.beginAttempt()).toBeNull();
    b.attemptSucceeded(probe!);
    expect(b.closed).toBe(true);
    expect(b.beginAttempt()).toEqual({ probe: false });
  });

  it('doubles the wait after each failed probe, up to the cap', () => {
    const b = breaker();
    b.attemptFailed(b.beginAttempt()!, new Error('down'));
    const waits: number[] = [];
    for (let round = 0; round < 6; round++) {
      const opened = now;
      while (!b.beginAttempt()) now += 10;
      waits.push(now - opened);
      // The attempt just admitted is the probe; fail it.
      b.attemptFailed({ probe: true }, new Error('still down'));
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(b.retryAfterSeconds).toBe(2);
  });

  it('does not lengthen the wait for attempts that began before it opened', () => {
    const b = breaker();
    const tickets = [b.beginAttempt()!, b.beginAttempt()!, b.beginAttempt()!];
    for (const ticket of tickets) b.attemptFailed(ticket, new Error('down'));
    now += 250;
    expect(b.beginAttempt()).toEqual({ probe: true });
  });

  it('cuts off the connections with work outstanding when a query goes unanswered', () => {
    const b = breaker();
    const cutOff: Error[] = [];
    const busy = { abandon: (error: Error) => cutOff.push(error) };
    const idle = { abandon: (error: Error) => cutOff.push(error) };
    b.markBusy(busy, true);
    b.markBusy(idle, true);
    b.markBusy(idle, false);
    b.unresponsive(new Error('no answer within 4000 ms'));
    expect(b.closed).toBe(false);
    expect(cutOff).toHaveLength(1);
    expect(cutOff[0].name).toBe('DatabaseUnavailableError');
  });
});
