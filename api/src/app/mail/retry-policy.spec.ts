import { EMAIL_RETRY, isPermanentSmtpFailure, nextAttemptAt } from './retry-policy';
import { skipReason } from './notification-emails';

const NOW = new Date('2026-12-02T08:00:00Z');
const transient = Object.assign(new Error('451 try later'), { responseCode: 451 });

describe('nextAttemptAt', () => {
  it('waits longer after each failure, up to the cap', () => {
    const at = (attempts: number) => (nextAttemptAt(NOW, attempts, transient, () => 1)?.getTime() ?? 0) - NOW.getTime();
    expect(at(1)).toBe(30_000);
    expect(at(2)).toBe(60_000);
    expect(at(3)).toBe(120_000);
    expect(at(9)).toBe(EMAIL_RETRY.maxMs);
    // Equal jitter: never less than half the step, so replicas that failed together spread out.
    expect((nextAttemptAt(NOW, 1, transient, () => 0)?.getTime() ?? 0) - NOW.getTime()).toBe(15_000);
  });

  it('gives up after the last attempt, and at once on a permanent refusal (5xx)', () => {
    expect(nextAttemptAt(NOW, EMAIL_RETRY.maxAttempts, transient)).toBeNull();
    const refused = Object.assign(new Error('550 no such user'), { responseCode: 550 });
    expect(isPermanentSmtpFailure(refused)).toBe(true);
    expect(nextAttemptAt(NOW, 1, refused)).toBeNull();
    // A connection that could not be made has no reply code: tried again.
    expect(nextAttemptAt(NOW, 1, Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }))).not.toBeNull();
  });
});

describe('skipReason', () => {
  it("follows the user's choice and address", () => {
    const user = { disabled: false, email: 'a@b.example', email_mode: 'all' as const };
    expect(skipReason(user)).toBeNull();
    expect(skipReason({ ...user, email_mode: 'digest' })).toBe('digest_only');
    expect(skipReason({ ...user, email_mode: 'off' })).toBe('email_off');
    expect(skipReason({ ...user, email: null })).toBe('no_address');
    expect(skipReason({ ...user, disabled: true })).toBe('user_disabled');
  });
});
