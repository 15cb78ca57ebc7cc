import { DestroyRef, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { PromiseResponse } from '@pu/contracts';
import { Notifier } from '../shared/notifier';

/** How long "kept" can be undone before it is sent. */
export const KEPT_UNDO_MS = 6000;

/**
 * Records "kept"; `leaving` is true when the page is being left within the undo time, so nothing on it
 * should be touched afterwards (focus, reloads): the request alone must go.
 */
export type SendKept = (p: PromiseResponse, leaving: boolean) => void;

/**
 * "Kept" cannot be taken back once recorded (the API refuses it), so it waits KEPT_UNDO_MS before it is sent:
 * until then "Cofnij" — in the snackbar and in place, for the promises in `pendingIds` — undoes it.
 * Leaving the page within the undo time still records what was marked. Call in an injection context.
 */
export class UndoableKept {
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  /** Promises marked kept whose request waits out the undo time: id → the promise and its timer. */
  private readonly waiting = signal<ReadonlyMap<string, { promise: PromiseResponse; timer: number }>>(new Map());

  constructor(private readonly send: SendKept) {
    const flush = () => this.flush();
    window.addEventListener('pagehide', flush);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('pagehide', flush);
      flush();
    });
  }

  readonly pendingIds = computed<ReadonlySet<string>>(() => new Set(this.waiting().keys()));

  mark(p: PromiseResponse): void {
    const timer = window.setTimeout(() => {
      this.drop(p.id);
      this.send(p, false);
    }, KEPT_UNDO_MS);
    this.waiting.update((m) => new Map(m).set(p.id, { promise: p, timer }));
    this.notifier.withAction(
      this.transloco.translate('casework.promises.keptPending', { description: p.description }),
      this.transloco.translate('casework.promises.undo'),
      KEPT_UNDO_MS,
      () => this.undo(p),
    );
  }

  undo(p: PromiseResponse): void {
    const entry = this.waiting().get(p.id);
    if (!entry) {
      return;
    }
    clearTimeout(entry.timer);
    this.drop(p.id);
    this.notifier.dismiss();
    this.notifier.success(this.transloco.translate('casework.promises.keptUndone'));
  }

  private flush(): void {
    for (const { promise, timer } of this.waiting().values()) {
      clearTimeout(timer);
      this.drop(promise.id);
      this.send(promise, true);
    }
  }

  private drop(id: string): void {
    this.waiting.update((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }
}
