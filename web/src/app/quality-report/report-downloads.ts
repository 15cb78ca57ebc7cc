import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { QualityReport } from '@pu/contracts';
import type { Period } from '@pu/workflow';
import { ExportDownloads } from '../exports/export-downloads';

/**
 * Where the report's downloads (PDF, XLSX, the complaints register, the anonymised statistics) put their
 * buttons: the exports' own component, for the period shown.
 */
@Component({
  selector: 'pu-report-downloads',
  imports: [ExportDownloads],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<pu-export-downloads [period]="period()" />`,
})
export class ReportDownloads {
  readonly period = input.required<Period>();
  readonly report = input<QualityReport | null>(null);
}
