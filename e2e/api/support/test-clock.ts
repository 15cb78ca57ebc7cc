import { Clock } from '../../../api/src/app/common/clock';

/**
 * The app's clock in tests: the real time plus whatever a test moved it on by. It keeps running, so the
 * request bodies tests write from the real time (`new Date()`) stay valid and the app's own timestamps keep
 * their order; a test that needs time to pass moves it instead of waiting.
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('A test clock only moves forward: sessions and throttles assume time does');
    this.offsetMs += ms;
  }
}
