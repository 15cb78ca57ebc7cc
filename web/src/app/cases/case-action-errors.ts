import { signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import type { WorkflowDef } from '@pu/workflow';
import { Observable } from 'rxjs';
import { ReceivedError, specificErrorMessage, toApiError } from '../http/api-error';
import { stepTitles } from './case-labels';

export type CaseErrorKind = 'stale' | 'rule' | 'fields' | 'other';

/**
 * The errors a change to a case can meet, said where the change was made:
 * someone else's change (412: reload, keep what was typed, say so), a workflow rule (409: the server's
 * message naming the steps), field errors (422: on the fields). Others were shown by the interceptor.
 */
export class CaseActionErrors {
  readonly message = signal<string | null>(null);

  constructor(
    private readonly transloco: TranslocoService,
    private readonly controls: Readonly<Record<string, AbstractControl | null | undefined>>,
    private readonly workflow?: () => WorkflowDef | undefined,
  ) {}

  clear(): void {
    this.message.set(null);
  }

  /** `rename` maps the API's field names to this form's control names. */
  handle(err: unknown, refresh?: () => Observable<unknown>, rename: Record<string, string> = {}): CaseErrorKind {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION') {
      refresh?.().subscribe({ error: () => undefined });
      this.message.set(this.transloco.translate('cases.stale'));
      return 'stale';
    }
    if (e.code === 'WORKFLOW_STEP_NOT_ALLOWED' || e.code === 'WORKFLOW_INCOMPLETE') {
      this.message.set(ruleMessage(this.transloco, e, this.workflow?.()));
      return 'rule';
    }
    if (e.statusCode === 422) {
      const rest: string[] = [];
      for (const [field, messages] of Object.entries(e.fields ?? {})) {
        const control = this.controls[rename[field] ?? field];
        if (control) {
          control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
          control.markAsTouched();
        } else {
          rest.push(...messages);
        }
      }
      this.message.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
      return 'fields';
    }
    return 'other';
  }
}

/**
 * A workflow rule's message: the server's Polish one names the steps; in English the translated
 * code, followed by the step titles from `missingSteps`.
 */
export function ruleMessage(transloco: TranslocoService, e: ReceivedError, workflow: WorkflowDef | undefined): string {
  const lang = transloco.getActiveLang();
  const base = specificErrorMessage(transloco, e);
  const missing = (e as { missingSteps?: unknown }).missingSteps;
  if (lang === 'pl' || !workflow || !Array.isArray(missing) || missing.length === 0) {
    return base;
  }
  return `${base} ${transloco.translate('cases.steps.missing', { steps: stepTitles(workflow, missing as string[], lang) })}`;
}
