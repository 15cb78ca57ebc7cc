import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { HistoryEntry } from '@pu/contracts';
import type { StepDef, WorkflowDef } from '@pu/workflow';
import { Language } from '../i18n/language';
import { PuDateTimePipe, formatDate, formatDateTime, localizeDates } from '../shared/date-time';
import { localized } from '../shared/localized';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';
import { displayStepData } from './case-view-model';

const READ = 'read_personal_data';
const KNOWN_ACTIONS = new Set([
  'create',
  'update',
  READ,
  'complete_step',
  'skip_step',
  'reopen_step',
  'loop_back',
  'close',
  'transfer',
  'extend_deadline',
  'create_promise',
  'keep_promise',
  'reschedule_promise',
  'update_promise',
]);

interface TimelineItem {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  details: string[];
}

type Json = Record<string, unknown> | null;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Every recorded change of the case (and, on request, every read of the client's data), oldest first. */
@Component({
  selector: 'pu-case-history',
  imports: [MatCheckboxModule, MatButtonModule, MatIconModule, TranslocoPipe, PuDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="section-title">{{ 'cases.history.heading' | transloco }}</h2>
    @if (failed()) {
      <p class="pu-notice error">
        <mat-icon>error</mat-icon>
        <span class="pu-notice-text">{{ 'errors.serverUnavailable' | transloco }}</span>
        <button mat-button type="button" (click)="retry.emit()">{{ 'common.retry' | transloco }}</button>
      </p>
    } @else if (entries() === null) {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    } @else {
      <mat-checkbox [checked]="showReads()" (change)="showReads.set($event.checked)">
        {{ 'cases.history.showReads' | transloco: { count: readCount() } }}
      </mat-checkbox>
      <ol class="timeline">
        @for (item of items(); track item.id) {
          <li>
            <p class="when">
              <time [attr.datetime]="item.at">{{ item.at | puDateTime: lang() }}</time> ·
              {{ item.actor ?? ('cases.history.system' | transloco) }}
            </p>
            <p class="what">{{ item.action }}</p>
            @for (line of item.details; track $index) {
              <p class="detail">{{ line }}</p>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 16px 0 0;
      padding: 0 0 0 16px;
      border-inline-start: 2px solid var(--mat-sys-outline-variant);
    }
    li {
      position: relative;
      padding: 0 0 16px 8px;
    }
    li::before {
      content: '';
      position: absolute;
      left: -23px;
      top: 6px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    p {
      margin: 0 0 2px;
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .what {
      font-weight: 500;
    }
  `,
})
export class CaseHistory {
  readonly entries = input.required<HistoryEntry[] | null>();
  readonly workflow = input.required<WorkflowDef>();
  readonly catalog = input.required<WorkflowCatalog>();
  readonly failed = input(false);
  readonly retry = output();

  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;
  protected readonly showReads = signal(false);
  protected readonly readCount = computed(() => (this.entries() ?? []).filter((e) => e.action === READ).length);
  protected readonly items = computed<TimelineItem[]>(() => {
    const lang = this.lang();
    const show = this.showReads();
    return (this.entries() ?? [])
      .filter((e) => show || e.action !== READ)
      .map((e) => ({
        id: e.id,
        at: e.at,
        actor: e.actor?.displayName ?? null,
        action: this.transloco.translate(
          `cases.history.actions.${KNOWN_ACTIONS.has(e.action) ? e.action : 'other'}`,
          { action: e.action },
          lang,
        ),
        details: this.details(e, lang),
      }));
  });

  private stepTitle(id: string | null, lang: string): string {
    const step = this.workflow().steps.find((s) => s.id === id);
    return step ? localized(step.title, lang) : (id ?? '');
  }

  /** What was entered in a step, field by field, in the reader's language. */
  private entered(stepId: string | null, entry: Json, lang: string): string[] {
    const step: StepDef | undefined = this.workflow().steps.find((s) => s.id === stepId);
    const data = obj(entry?.['data']);
    if (!step || !data) {
      return [];
    }
    const yesNo = {
      yes: this.transloco.translate('cases.yes', {}, lang),
      no: this.transloco.translate('cases.no', {}, lang),
    };
    return displayStepData(step, data, this.catalog(), lang, yesNo).map((v) =>
      this.transloco.translate('cases.history.entered', { label: v.label, value: v.lines.join('; ') }, lang),
    );
  }

  /** A change of the case's own data: each column, before → after (a deadline by its due day). */
  private changes(before: Json, after: Json, lang: string): string[] {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`cases.history.${key}`, params, lang);
    const shown = (column: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') {
        return t('none');
      }
      if (column === 'deadlines') {
        const main = obj(obj(value)?.['main']);
        const explanation = obj(main?.['explanation']);
        return explanation
          ? localizeDates(localized({ pl: String(explanation['pl']), en: String(explanation['en']) }, lang), lang)
          : t('none');
      }
      if (typeof value === 'boolean') {
        return this.transloco.translate(value ? 'cases.yes' : 'cases.no', {}, lang);
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        return JSON.stringify(value);
      }
      return column === 'event_at' || column === 'due_at' ? formatDateTime(String(value), lang) : String(value);
    };
    return Object.keys(after ?? {})
      .filter((column) => column !== 'due_at' && column !== 'inform_hours')
      .map((column) =>
        t('changed', {
          label: t(`fields.${column}`),
          before: shown(column, before?.[column]),
          after: shown(column, after?.[column]),
        }),
      );
  }

  private details(e: HistoryEntry, lang: string): string[] {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`cases.history.${key}`, params, lang);
    const after = obj(e.after);
    const before = obj(e.before);
    const lines: string[] = [];
    switch (e.action) {
      case 'complete_step':
      case 'skip_step':
      case 'reopen_step':
        lines.push(t('step', { title: this.stepTitle(e.entityId, lang) }));
        if (str(after?.['reason'])) {
          lines.push(t('reason', { reason: after?.['reason'] }));
        }
        // Completed: what was entered. Reopened: what the entry held before it was undone.
        lines.push(...this.entered(e.entityId, e.action === 'reopen_step' ? before : after, lang));
        break;
      case 'loop_back':
        lines.push(
          t('loopBack', {
            from: this.stepTitle(str(after?.['from']), lang),
            to: this.stepTitle(str(after?.['to']), lang),
          }),
        );
        for (const kept of Array.isArray(after?.['kept']) ? (after['kept'] as unknown[]) : []) {
          const entry = obj(kept);
          const stepId = str(entry?.['stepId']);
          lines.push(t('kept', { title: this.stepTitle(stepId, lang) }), ...this.entered(stepId, entry, lang));
        }
        break;
      case 'update':
        lines.push(...this.changes(before, after, lang));
        break;
      case 'transfer':
        if (str(after?.['note'])) {
          lines.push(t('note', { note: after?.['note'] }));
        }
        break;
      case 'extend_deadline':
        lines.push(
          t('extended', { from: formatDate(str(before?.['due']), lang), to: formatDate(str(after?.['newDue']), lang) }),
        );
        if (str(after?.['reason'])) {
          lines.push(t('reason', { reason: after?.['reason'] }));
        }
        break;
      case 'close':
        if (str(after?.['note'])) {
          lines.push(t('note', { note: after?.['note'] }));
        }
        break;
      case 'create_promise':
        if (str(after?.['description'])) {
          lines.push(str(after?.['description']) ?? '');
        }
        break;
      case 'reschedule_promise':
        if (str(after?.['due_at'])) {
          lines.push(t('newDue', { due: formatDateTime(str(after?.['due_at']), lang) }));
        }
        break;
    }
    return lines;
  }
}
