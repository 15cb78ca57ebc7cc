import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ImprovementActionResponse, ImprovementActionResult, RootCauseCategoryResponse } from '@pu/contracts';
import { filter, switchMap } from 'rxjs';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { confirmAction } from '../shared/confirm-dialog';
import { PuDatePipe } from '../shared/date-time';
import { LocalizedPipe } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { ImprovementActionDialog, type ImprovementActionDialogData } from './improvement-action-dialog';
import { ReportsApi } from './reports-api';

/**
 * The improvement actions, with the complaints of their area before and after each one was done (from the
 * report); the quality officer adds, edits and deletes them here.
 */
@Component({
  selector: 'pu-improvement-actions-panel',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe, LocalizedPipe, PuDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './report-chart.scss',
  template: `
    <div class="pu-page-header">
      <h2 id="actions-heading">{{ 'qualityReport.actions.heading' | transloco }}</h2>
      @if (canManage()) {
        <button mat-flat-button type="button" (click)="edit()" data-testid="add-action">
          <mat-icon aria-hidden="true">add</mat-icon>
          {{ 'qualityReport.actions.add' | transloco }}
        </button>
      }
    </div>
    <p>{{ 'qualityReport.actions.intro' | transloco: { days: windowDays() } }}</p>
    @if (loadFailed()) {
      <p class="pu-notice error" role="alert">{{ 'qualityReport.loadFailed' | transloco }}</p>
    }
    <div class="chart-table table-scroll">
      <table class="text-table" aria-labelledby="actions-heading" data-testid="actions-table">
        <thead>
          <tr>
            <th scope="col">{{ 'qualityReport.actions.rootCause' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.what' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.owner' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.dueOn' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.doneOn' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.expectedEffect' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.before' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.actions.after' | transloco }}</th>
            @if (canManage()) {
              <th scope="col">
                <span class="visually-hidden">{{ 'common.actions' | transloco }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.action.id) {
            <tr>
              <th scope="row">{{ row.label | localized: lang() }}</th>
              <td>{{ row.action.what }}</td>
              <td>{{ row.action.owner }}</td>
              <td>{{ row.action.dueOn | puDate: lang() }}</td>
              <td>
                {{
                  row.action.doneOn
                    ? (row.action.doneOn | puDate: lang())
                    : ('qualityReport.actions.notDone' | transloco)
                }}
              </td>
              <td>{{ row.action.expectedEffect }}</td>
              <td>{{ row.result?.complaintsBefore ?? '—' }}</td>
              <td>
                {{ row.result?.complaintsAfter ?? '—' }}
                @if (row.result && row.result.complaintsAfter !== null && !row.result.afterWindowComplete) {
                  <span class="muted">({{ 'qualityReport.actions.soFar' | transloco }})</span>
                }
              </td>
              @if (canManage()) {
                <td class="row-actions">
                  <button
                    mat-icon-button
                    type="button"
                    (click)="edit(row.action)"
                    [attr.aria-label]="'qualityReport.actions.editOne' | transloco: { what: row.action.what }"
                  >
                    <mat-icon>edit</mat-icon>
                  </button>
                  <button
                    mat-icon-button
                    type="button"
                    (click)="remove(row.action)"
                    [attr.aria-label]="'qualityReport.actions.deleteOne' | transloco: { what: row.action.what }"
                  >
                    <mat-icon>delete</mat-icon>
                  </button>
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="canManage() ? 9 : 8">{{ 'qualityReport.actions.none' | transloco }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ImprovementActionsPanel {
  /** The report's view of the actions of its period (complaints before and after). */
  readonly results = input.required<ImprovementActionResult[]>();
  readonly canManage = input(false);
  /** After a change, so the report can be computed again. */
  readonly changed = output<void>();

  private readonly api = inject(ReportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;
  private readonly actions = signal<ImprovementActionResponse[]>([]);
  private readonly categories = signal<RootCauseCategoryResponse[]>([]);
  protected readonly loadFailed = signal(false);

  protected readonly windowDays = computed(() => this.results()[0]?.windowDays ?? 90);

  /** The actions of the report's period first (with their figures), then the rest. */
  protected readonly rows = computed(() => {
    const results = new Map(this.results().map((r) => [r.id, r]));
    const labels = new Map(this.categories().map((c) => [c.code, c.label]));
    return this.actions()
      .map((action) => ({
        action,
        result: results.get(action.id) ?? null,
        label: labels.get(action.rootCause) ?? { pl: action.rootCause, en: action.rootCause },
      }))
      .sort((a, b) => Number(b.result !== null) - Number(a.result !== null));
  });

  constructor() {
    this.load();
  }

  private load(): void {
    this.api.improvementActions().subscribe({
      next: (list) => this.actions.set(list),
      error: () => this.loadFailed.set(true),
    });
    this.api.rootCauses().subscribe({ next: (list) => this.categories.set(list), error: () => undefined });
  }

  protected edit(action?: ImprovementActionResponse): void {
    const data: ImprovementActionDialogData = { action, categories: this.categories() };
    this.dialog
      .open<ImprovementActionDialog, ImprovementActionDialogData, ImprovementActionResponse>(ImprovementActionDialog, {
        data,
        width: '40rem',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ImprovementActionResponse => !!saved))
      .subscribe((saved) => {
        this.actions.update((list) => [saved, ...list.filter((a) => a.id !== saved.id)]);
        this.notifier.success(this.transloco.translate('qualityReport.actions.saved'));
        this.changed.emit();
      });
  }

  protected remove(action: ImprovementActionResponse): void {
    const t = (key: string) => this.transloco.translate(key, { what: action.what });
    confirmAction(this.dialog, {
      title: t('qualityReport.actions.deleteTitle'),
      message: t('qualityReport.actions.deleteBody'),
      confirm: t('qualityReport.actions.delete'),
      cancel: t('common.cancel'),
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteImprovementAction(action)),
      )
      .subscribe({
        next: () => {
          this.actions.update((list) => list.filter((a) => a.id !== action.id));
          this.notifier.success(t('qualityReport.actions.deleted'));
          this.changed.emit();
        },
        error: (err: unknown) => {
          if (toApiError(err).code === 'STALE_VERSION') {
            this.notifier.error(t('qualityReport.actions.stale'));
            this.load();
          }
        },
      });
  }
}
