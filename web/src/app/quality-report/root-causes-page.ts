import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { RootCauseCategoryResponse } from '@pu/contracts';
import { filter } from 'rxjs';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { LocalizedPipe } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { ReportsApi } from './reports-api';
import { RootCauseDialog, type RootCauseDialogData } from './root-cause-dialog';

/**
 * The quality officer's root-cause categories (standard 20): created, renamed, described, retired and brought
 * back; never deleted, so old cases and old reports keep their names. Every change is in the audit log.
 */
@Component({
  selector: 'pu-root-causes-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './report-chart.scss',
  template: `
    <section class="pu-page">
      <a mat-button routerLink=".."
        ><mat-icon aria-hidden="true">arrow_back</mat-icon>{{ 'qualityReport.categories.back' | transloco }}</a
      >
      <div class="pu-page-header">
        <h1>{{ 'qualityReport.categories.heading' | transloco }}</h1>
        <button mat-flat-button type="button" (click)="edit()">
          <mat-icon aria-hidden="true">add</mat-icon>{{ 'qualityReport.categories.add' | transloco }}
        </button>
      </div>
      <p>{{ 'qualityReport.categories.intro' | transloco }}</p>
      @if (loading()) {
        <p role="status">{{ 'common.loading' | transloco }}</p>
      } @else {
        <div class="chart-table table-scroll">
          <table class="text-table" data-testid="categories-table">
            <caption class="visually-hidden">
              {{
                'qualityReport.categories.heading' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'qualityReport.categories.name' | transloco }}</th>
                <th scope="col">{{ 'qualityReport.categories.code' | transloco }}</th>
                <th scope="col">{{ 'qualityReport.categories.description' | transloco }}</th>
                <th scope="col">{{ 'qualityReport.categories.status' | transloco }}</th>
                <th scope="col">
                  <span class="visually-hidden">{{ 'common.actions' | transloco }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (c of categories(); track c.code) {
                <tr>
                  <th scope="row">{{ c.label | localized: lang() }}</th>
                  <td>
                    <code>{{ c.code }}</code>
                  </td>
                  <td>{{ c.description | localized: lang() }}</td>
                  <td>
                    {{
                      (c.retiredAt ? 'qualityReport.categories.retired' : 'qualityReport.categories.active') | transloco
                    }}
                    @if (c.used) {
                      · {{ 'qualityReport.categories.used' | transloco }}
                    }
                  </td>
                  <td class="row-actions">
                    <button
                      mat-button
                      type="button"
                      (click)="edit(c)"
                      [attr.aria-label]="
                        'qualityReport.categories.editOne' | transloco: { name: (c.label | localized: lang()) }
                      "
                    >
                      {{ 'qualityReport.categories.edit' | transloco }}
                    </button>
                    <button
                      mat-button
                      type="button"
                      (click)="toggle(c)"
                      [attr.aria-label]="
                        (c.retiredAt ? 'qualityReport.categories.restoreOne' : 'qualityReport.categories.retireOne')
                          | transloco: { name: (c.label | localized: lang()) }
                      "
                    >
                      {{
                        (c.retiredAt ? 'qualityReport.categories.restore' : 'qualityReport.categories.retire')
                          | transloco
                      }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
})
export class RootCausesPage {
  private readonly api = inject(ReportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;
  protected readonly categories = signal<RootCauseCategoryResponse[]>([]);
  protected readonly loading = signal(true);

  constructor() {
    this.load();
  }

  private load(): void {
    this.api.rootCauses().subscribe({
      next: (list) => {
        this.categories.set(list);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  private replace(saved: RootCauseCategoryResponse): void {
    this.categories.update((list) =>
      list.some((c) => c.code === saved.code) ? list.map((c) => (c.code === saved.code ? saved : c)) : [...list, saved],
    );
  }

  protected edit(category?: RootCauseCategoryResponse): void {
    this.dialog
      .open<RootCauseDialog, RootCauseDialogData, RootCauseCategoryResponse>(RootCauseDialog, {
        data: { category },
        width: '36rem',
      })
      .afterClosed()
      .pipe(filter((saved): saved is RootCauseCategoryResponse => !!saved))
      .subscribe((saved) => {
        this.replace(saved);
        this.notifier.success(this.transloco.translate('qualityReport.categories.saved'));
      });
  }

  protected toggle(category: RootCauseCategoryResponse): void {
    const retiring = category.retiredAt === null;
    this.api.updateRootCause(category, { retired: retiring }).subscribe({
      next: (saved) => {
        this.replace(saved);
        this.notifier.success(
          this.transloco.translate(
            retiring ? 'qualityReport.categories.retiredDone' : 'qualityReport.categories.restoredDone',
          ),
        );
      },
      error: (err: unknown) => {
        if (toApiError(err).code === 'STALE_VERSION') {
          this.notifier.error(this.transloco.translate('qualityReport.categories.stale'));
          this.load();
        }
      },
    });
  }
}
