import { Injectable, Injector, effect, inject } from '@angular/core';
import type { MatSnackBar, MatSnackBarConfig } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { Session } from '../auth/session';

/**
 * Short messages in a snackbar. Material's snackbar announces its text through an `aria-live`
 * region: confirmations politely; errors assertively, and they stay until closed (no time limit).
 *
 * The snackbar code (with the CDK overlay) is not part of the initial bundle: it is fetched a moment after
 * someone is signed in, when the browser is idle (`preloadOnceSignedIn()`), so it is at hand even when the
 * server later stops answering, without competing with the first page for the network. The sign-in page
 * shows its errors itself and never needs it.
 */
/** Long enough for the first page's own code and data to arrive first. */
const PRELOAD_DELAY_MS = 2000;

@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private snackBar: Promise<MatSnackBar> | null = null;

  preload(): void {
    void this.load().catch(() => undefined);
  }

  /** Called once at start-up: preloads the snackbar after the first sign-in (or restored session), once the first page has settled. */
  preloadOnceSignedIn(): void {
    const session = this.injector.get(Session);
    const watch = effect(
      () => {
        if (!session.user()) return;
        watch.destroy();
        setTimeout(() => whenIdle(() => this.preload()), PRELOAD_DELAY_MS);
      },
      { injector: this.injector },
    );
  }

  success(message: string): void {
    this.open(message, { duration: 6000, politeness: 'polite' });
  }

  error(message: string): void {
    this.open(message, { politeness: 'assertive', panelClass: 'pu-snack-error' });
  }

  /**
   * A confirmation with one action (e.g. "Cofnij"), open for `durationMs`; `onAction` runs if it is chosen.
   * The page offers the same action in place too: a snackbar is hard to reach by keyboard before it goes.
   */
  withAction(message: string, action: string, durationMs: number, onAction: () => void): void {
    this.load().then(
      (snackBar) =>
        snackBar.open(message, action, { duration: durationMs, politeness: 'polite' }).onAction().subscribe(onAction),
      () => console.error(message),
    );
  }

  /** Closes the snackbar shown now (its action no longer applies). */
  dismiss(): void {
    void this.load().then(
      (snackBar) => snackBar.dismiss(),
      () => undefined,
    );
  }

  private open(message: string, config: MatSnackBarConfig): void {
    const close = this.transloco.translate('common.close');
    this.load().then(
      (snackBar) => snackBar.open(message, close, config),
      () => console.error(message), // the snackbar code could not be fetched; nothing better to show it with
    );
  }

  private load(): Promise<MatSnackBar> {
    this.snackBar ??= import('@angular/material/snack-bar').then((m) => this.injector.get(m.MatSnackBar));
    this.snackBar.catch(() => (this.snackBar = null));
    return this.snackBar;
  }
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}
