import { ElementRef, Signal, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { formDraft, keepDirty, type FormDraftOptions } from '../shared/form-draft';
import { focusFirstInvalid, serverFieldErrorsMessage } from '../shared/server-errors';

export interface AdminFormOptions<T> {
  /** A page that edits something (as opposed to creating it): a missing record is "not found". */
  editing: boolean;
  /** What the form edits, with anything else the page needs first; null when there is nothing to edit. */
  load: () => Observable<T | null>;
  /** The record as saved now, after someone else changed it (412); `load` when not given. */
  reload?: () => Observable<T | null>;
  /** The form's values for the record as saved. */
  valuesOf: (record: T) => Record<string, unknown>;
  draftName: string;
  draftOptions?: FormDraftOptions;
  /** Translation key of "someone else saved this meanwhile; your changes are kept". */
  staleKey: string;
  /** The field a DUPLICATE without field details is about (the record's unique name). */
  duplicateField?: string;
}

/** What the page around the form shows and offers, whatever the form edits (`<pu-admin-form-frame>`). */
export interface AdminFormState {
  readonly loading: Signal<boolean>;
  readonly loadFailed: Signal<boolean>;
  readonly notFound: Signal<boolean>;
  readonly formError: Signal<string | null>;
  readonly draft: { readonly restored: Signal<boolean> };
  load(): void;
  discardDraft(): void;
}

/**
 * What every administration form page does: load the record (or nothing, to create one), put back a
 * draft, discard it, check and send the form, and explain a refusal — field errors on the fields, a
 * duplicate on the unique name, someone else's change (reload it, keep what was typed). Create in a field
 * initialiser of the page (it injects).
 */
export class AdminForm<T> implements AdminFormState {
  readonly loading = signal(true);
  readonly loadFailed = signal(false);
  readonly notFound = signal(false);
  readonly saving = signal(false);
  /** The message above the form. */
  readonly formError = signal<string | null>(null);
  /** The record as last read; null while creating. */
  readonly record = signal<T | null>(null);
  readonly draft;

  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  constructor(
    readonly form: FormGroup,
    private readonly options: AdminFormOptions<T>,
  ) {
    this.draft = formDraft(form, options.draftName, options.draftOptions);
  }

  load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.options.load().subscribe({
      next: (record) => {
        if (record) {
          this.record.set(record);
          this.form.patchValue(this.options.valuesOf(record));
        }
        if (record || !this.options.editing) {
          this.draft.restore();
        } else {
          this.notFound.set(true);
        }
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  /** Back to the record as saved (or an empty form), forgetting the draft. */
  discardDraft(): void {
    this.draft.clear();
    const record = this.record();
    this.form.reset(record ? this.options.valuesOf(record) : undefined);
  }

  /**
   * `request` runs only for a valid form and may return null when there is nothing to send; `saved`
   * follows a success (the draft is gone by then).
   */
  submit<S>(request: (record: T | null) => Observable<S> | null, saved: (result: S, record: T | null) => void): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host);
      return;
    }
    const record = this.record();
    const change = request(record);
    if (!change) {
      return;
    }
    this.saving.set(true);
    change.subscribe({
      next: (result) => {
        this.draft.clear();
        saved(result, record);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.failed(err, record);
      },
    });
  }

  private failed(err: unknown, record: T | null): void {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION' && record) {
      this.reloadKeepingInput();
      return;
    }
    if (e.statusCode === 422 || e.code === 'DUPLICATE' || e.code === 'CONFLICT') {
      const duplicate = this.options.duplicateField ? this.form.get(this.options.duplicateField) : null;
      const message = serverFieldErrorsMessage(this.transloco, this.form, e);
      if (e.code === 'DUPLICATE' && !e.fields && duplicate) {
        duplicate.setErrors({ server: specificErrorMessage(this.transloco, e) });
        duplicate.markAsTouched();
      }
      this.formError.set(message);
      focusFirstInvalid(this.host);
    }
    // Anything else was shown by the HTTP error interceptor; the form stays as typed for a retry.
  }

  /** 412: someone saved meanwhile. Load their version; fields this user changed keep what they typed. */
  private reloadKeepingInput(): void {
    (this.options.reload ?? this.options.load)().subscribe((fresh) => {
      if (fresh) {
        this.record.set(fresh);
        this.form.patchValue(keepDirty(this.form.controls, this.options.valuesOf(fresh)));
      }
      this.formError.set(this.transloco.translate(this.options.staleKey));
    });
  }
}
