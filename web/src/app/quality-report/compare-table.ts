import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** One line of a figures table: already formatted for the interface language. */
export interface CompareRow {
  label: string;
  current: string;
  previous: string;
  change: string;
}

/** A section's figures for this period, the one before, and the change. */
@Component({
  selector: 'pu-compare-table',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './report-chart.scss',
  template: `
    <div class="chart-table table-scroll" [attr.data-testid]="'table-' + testId()">
      <table>
        <caption>
          {{
            heading()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ rowHeader() }}</th>
            <th scope="col">{{ 'qualityReport.current' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.previous' | transloco }}</th>
            <th scope="col">{{ 'qualityReport.change' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track $index) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              <td>{{ row.current }}</td>
              <td>{{ row.previous }}</td>
              <td>{{ row.change }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class CompareTable {
  readonly heading = input.required<string>();
  readonly rowHeader = input.required<string>();
  readonly rows = input.required<CompareRow[]>();
  readonly testId = input.required<string>();
}
