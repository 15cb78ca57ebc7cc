import { ChangeDetectionStrategy, Component, computed, inject, input, OnDestroy, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { EXPORT_FORMATS, type ExportKind, ROUTES } from '@pu/contracts';
import type { Period } from '@pu/workflow';
import { apiUrl } from '../http/api-url';
import { FormAlert } from '../shared/form-alert';
import { type DownloadProgress, megabytes, progressView } from './download-progress';
import { DownloadFailed, downloadFile } from './file-download';

interface ExportItem {
  kind: ExportKind;
  formats: readonly string[];
}

const ITEMS: readonly ExportItem[] = (Object.keys(EXPORT_FORMATS) as ExportKind[]).map((kind) => ({
  kind,
  formats: EXPORT_FORMATS[kind],
}));

interface Running {
  kind: ExportKind;
  format: string;
  progress: DownloadProgress;
}

/**
 * The report page's downloads: the annual report (PDF, XLSX), the complaints register (XLSX, CSV) and the
 * statistics for publication (CSV, JSON), for the period the page shows. A long file shows how far it is
 * (bytes, and for CSV rows against the total the server announces) and can be stopped; stopping it ends the
 * server's query too. A screen reader hears when a download starts, ends or fails, not every chunk.
 */
@Component({
  selector: 'pu-export-downloads',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .pu-export-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .pu-export-item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .pu-export-text {
      flex: 1 1 260px;
    }
    .pu-export-name {
      font-weight: 600;
      display: block;
    }
    .pu-export-hint {
      font-size: 0.875rem;
    }
    .pu-export-buttons {
      display: flex;
      gap: 8px;
    }
    .pu-export-progress {
      margin-top: 16px;
      display: grid;
      gap: 8px;
    }
  `,
  template: `
    <section class="pu-export-downloads" aria-labelledby="pu-exports-heading" data-testid="export-downloads">
      <h2 id="pu-exports-heading">{{ 'exports.heading' | transloco }}</h2>
      <ul class="pu-export-list">
        @for (item of items; track item.kind) {
          <li class="pu-export-item">
            <div class="pu-export-text">
              <span class="pu-export-name">{{ 'exports.' + item.kind + '.name' | transloco }}</span>
              <span class="pu-export-hint">{{ 'exports.' + item.kind + '.hint' | transloco }}</span>
            </div>
            <div class="pu-export-buttons">
              @for (format of item.formats; track format) {
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="running() !== null"
                  [attr.data-testid]="'export-' + item.kind + '-' + format"
                  [attr.aria-label]="
                    'exports.download'
                      | transloco
                        : { what: ('exports.' + item.kind + '.name' | transloco), format: format.toUpperCase() }
                  "
                  (click)="start(item.kind, format)"
                >
                  <mat-icon aria-hidden="true">download</mat-icon>
                  {{ format.toUpperCase() }}
                </button>
              }
            </div>
          </li>
        }
      </ul>

      @if (running(); as r) {
        <div class="pu-export-progress" data-testid="export-progress">
          <mat-progress-bar
            [mode]="view().mode"
            [value]="view().percent ?? 0"
            [attr.aria-label]="'exports.progressLabel' | transloco"
          />
          <p>{{ progressText() }}</p>
          <div>
            <button mat-button type="button" data-testid="export-cancel" (click)="cancel()">
              {{ 'exports.cancel' | transloco }}
            </button>
          </div>
        </div>
      }
      <p class="cdk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="export-status">
        {{ announcement() }}
      </p>
      <pu-form-alert [message]="error()" />
    </section>
  `,
})
export class ExportDownloads implements OnDestroy {
  private readonly transloco = inject(TranslocoService);
  readonly period = input.required<Period>();
  protected readonly items = ITEMS;
  protected readonly running = signal<Running | null>(null);
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);
  private abort: AbortController | null = null;

  protected readonly view = computed(() => {
    const r = this.running();
    return r ? progressView(r.progress) : { mode: 'indeterminate' as const, percent: null };
  });

  protected readonly progressText = computed(() => {
    const r = this.running();
    if (!r) return '';
    const lang = this.transloco.getActiveLang();
    const { bytes, rows, totalRows } = r.progress;
    if (bytes === 0) return this.transloco.translate('exports.preparing');
    const mb = megabytes(bytes, lang);
    if (rows !== null && totalRows !== null) {
      const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL');
      return this.transloco.translate('exports.progressRows', {
        mb,
        rows: n.format(Math.min(rows, totalRows)),
        total: n.format(totalRows),
      });
    }
    return this.transloco.translate('exports.progressBytes', { mb });
  });

  protected async start(kind: ExportKind, format: string): Promise<void> {
    const { from, to } = this.period();
    const query = new URLSearchParams({ from, to });
    const url = `${apiUrl(ROUTES.export(kind, format))}?${query.toString()}`;
    const what = this.transloco.translate(`exports.${kind}.name`);
    this.abort = new AbortController();
    this.error.set(null);
    this.running.set({ kind, format, progress: { bytes: 0, totalBytes: null, rows: null, totalRows: null } });
    this.announcement.set(this.transloco.translate('exports.started', { what, format: format.toUpperCase() }));
    try {
      const lang = this.transloco.getActiveLang();
      const name = await downloadFile(url, `${kind}.${format}`, lang, this.abort.signal, (progress) =>
        this.running.update((r) => (r ? { ...r, progress } : r)),
      );
      this.announcement.set(this.transloco.translate('exports.done', { name }));
    } catch (error) {
      if (this.abort?.signal.aborted) {
        this.announcement.set(this.transloco.translate('exports.cancelled'));
      } else {
        const message =
          error instanceof DownloadFailed && error.apiError?.message
            ? error.apiError.message
            : this.transloco.translate('exports.failed');
        this.error.set(message);
        this.announcement.set('');
      }
    } finally {
      this.running.set(null);
      this.abort = null;
    }
  }

  protected cancel(): void {
    this.abort?.abort();
  }

  ngOnDestroy(): void {
    // Leaving the page stops the download, and with it the server's query.
    this.abort?.abort();
  }
}
