import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { FormArray, type AbstractControl, type FormGroup } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { debounceTime } from 'rxjs';
import { Session } from '../auth/session';
import { DRAFT_KEY_PREFIX, readDraft, removeDraft, writeDraft } from './draft-storage';

export interface FormDraftOptions {
  /** Controls never written to storage (passwords). */
  exclude?: readonly string[];
  debounceMs?: number;
  /**
   * Repeatable parts (FormArray controls, by name): how to make one item, so a restored draft
   * gets as many items as were typed before the form's value is put back.
   */
  arrays?: Readonly<Record<string, () => AbstractControl>>;
}

export interface FormDraft {
  /** Whether `restore()` brought back typed data. */
  readonly restored: Signal<boolean>;
  /** Put a saved draft back into the form (after any server data is loaded). */
  restore(): boolean;
  /** Forget the draft: after a successful submit, or when the user discards it. */
  clear(): void;
}

/**
 * Never lose what someone typed: while the form is dirty, its value is kept in sessionStorage
 * (debounced, and at once when the page closes or the session expires and the app leaves for
 * the sign-in page), keyed by user, route and form name. Call in a component's constructor.
 */
export function formDraft(form: FormGroup, name: string, options: FormDraftOptions = {}): FormDraft {
  const route = inject(ActivatedRoute);
  const destroyRef = inject(DestroyRef);
  const userId = inject(Session).user()?.id ?? 'anonymous';
  const path = route.snapshot.pathFromRoot.flatMap((r) => r.url.map((segment) => segment.path)).join('/');
  const key = `${DRAFT_KEY_PREFIX}${userId}:/${path}:${name}`;
  const exclude = new Set(options.exclude ?? []);
  const restored = signal(false);
  let cleared = false;

  const save = (): void => {
    if (cleared || !form.dirty) {
      return;
    }
    const value: Record<string, unknown> = {};
    for (const [field, control] of Object.entries(form.controls)) {
      if (!exclude.has(field)) {
        value[field] = control.getRawValue() as unknown;
      }
    }
    writeDraft(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
  };

  // Typing after a clear (e.g. after discarding a restored draft) starts a new draft.
  const watch = () =>
    form.valueChanges.pipe(debounceTime(options.debounceMs ?? 400)).subscribe(() => {
      cleared = false;
      save();
    });
  let subscription = watch();
  const onPageHide = (): void => save();
  window.addEventListener('pagehide', onPageHide);
  destroyRef.onDestroy(() => {
    save();
    subscription.unsubscribe();
    window.removeEventListener('pagehide', onPageHide);
  });

  return {
    restored: restored.asReadonly(),
    restore(): boolean {
      const stored = readDraft(key);
      if (!stored) {
        return false;
      }
      let any = false;
      for (const [field, value] of Object.entries(stored)) {
        const control: AbstractControl | undefined = form.controls[field];
        if (control && !exclude.has(field) && control.enabled) {
          const makeItem = options.arrays?.[field];
          if (control instanceof FormArray) {
            if (!makeItem || !Array.isArray(value)) {
              continue;
            }
            control.clear({ emitEvent: false });
            value.forEach(() => control.push(makeItem(), { emitEvent: false }));
          }
          try {
            control.setValue(value, { emitEvent: false });
          } catch {
            continue; // a draft of another shape (saved by an older version of the form): leave the field as it is
          }
          control.markAsDirty();
          any = true;
        }
      }
      form.updateValueAndValidity();
      restored.set(any);
      return any;
    },
    clear(): void {
      // Drop a save still waiting for its debounce: it must not bring the draft back after a submit.
      subscription.unsubscribe();
      subscription = watch();
      cleared = true;
      restored.set(false);
      removeDraft(key);
    },
  };
}

/**
 * After a 412 (someone saved meanwhile): the server's values for the fields this user has not
 * touched; fields they changed keep what they typed. Pass the result to `form.patchValue`.
 */
export function keepDirty<T extends Record<string, unknown>>(
  controls: Record<string, AbstractControl>,
  serverValues: T,
): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(serverValues) as (keyof T & string)[]) {
    if (!controls[key]?.dirty) {
      result[key] = serverValues[key];
    }
  }
  return result;
}
