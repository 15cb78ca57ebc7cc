import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Chart } from 'chart.js';
import { Language } from '../i18n/language';
import { SERIES_COLOURS, formatNumber, formatShare, type ChartSpec } from './report-view';

let chartModule: Promise<typeof import('chart.js')> | null = null;

/** Chart.js is fetched the first time a chart is drawn, so neither the app nor the report's own chunk carries it. */
function loadChartJs(): Promise<typeof import('chart.js')> {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend);
    return m;
  });
  return chartModule;
}

/**
 * A chart and its data as a table. A canvas says nothing to a screen reader or a keyboard, so the figures are
 * also a real table (in a disclosure under the chart); the canvas is marked as an image that points to it.
 */
@Component({
  selector: 'pu-report-chart',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './report-chart.scss',
  template: `
    <figure class="report-chart" [attr.aria-labelledby]="id + '-title'">
      <h3 [id]="id + '-title'">{{ heading() }}</h3>
      <div class="canvas-box" [class.horizontal]="spec().kind === 'horizontal'">
        <canvas #canvas role="img" [attr.aria-label]="heading() + '. ' + ('qualityReport.chart.seeTable' | transloco)">
        </canvas>
      </div>
      <details class="chart-table" [attr.data-testid]="'chart-table-' + testId()">
        <summary>{{ 'qualityReport.chart.showTable' | transloco }}</summary>
        <div class="table-scroll">
          <table>
            <caption>
              {{
                heading()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ rowHeader() }}</th>
                @for (s of spec().series; track s.label) {
                  <th scope="col">{{ s.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (label of spec().labels; track $index; let i = $index) {
                <tr>
                  <th scope="row">{{ label }}</th>
                  @for (s of spec().series; track s.label) {
                    <td>{{ cell(s.values[i], s.format) }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `,
})
export class ReportChart {
  readonly heading = input.required<string>();
  readonly rowHeader = input.required<string>();
  readonly spec = input.required<ChartSpec>();
  /** Names the table for tests and links: `chart-table-<testId>`. */
  readonly testId = input.required<string>();

  private static next = 0;
  protected readonly id = `report-chart-${ReportChart.next++}`;
  private readonly lang = inject(Language).lang;
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;
  private drawn = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    afterRenderEffect(() => {
      const spec = this.spec();
      const lang = this.lang();
      const canvas = this.canvas().nativeElement;
      const attempt = ++this.drawn;
      void loadChartJs()
        .then((m) => {
          if (attempt !== this.drawn) return;
          this.chart?.destroy();
          this.chart = new m.Chart(canvas, this.config(spec, lang));
        })
        .catch(() => undefined);
    });
  }

  protected cell(value: number | null | undefined, format: 'count' | 'share' | undefined): string {
    const v = value ?? null;
    return format === 'share' ? formatShare(v, this.lang()) : formatNumber(v, this.lang());
  }

  private config(spec: ChartSpec, lang: string): import('chart.js').ChartConfiguration<'bar'> {
    const share = spec.series.some((s) => s.format === 'share');
    const stacked = spec.kind === 'stacked';
    return {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.values.map((v) => (v === null ? null : share ? v * 100 : v)),
          backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        })),
      },
      options: {
        indexAxis: spec.kind === 'horizontal' ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang === 'en' ? 'en-GB' : 'pl-PL',
        // Counts are whole numbers: no 0.2-steps on their axis; shares are per cent up to 100.
        scales: {
          x: {
            stacked,
            ...(spec.kind === 'horizontal' ? { beginAtZero: true, ticks: { precision: 0 } } : {}),
          },
          y: {
            stacked,
            beginAtZero: true,
            ...(spec.kind === 'horizontal' ? {} : { ticks: { precision: 0 } }),
            ...(share ? { max: 100 } : {}),
          },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    };
  }
}
