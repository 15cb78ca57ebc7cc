import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { QualityReport } from '@pu/contracts';
import type { Period } from '@pu/workflow';

/**
 * Where the report's downloads (PDF, XLSX, the complaints register, the anonymised statistics) put their
 * buttons. It receives the period shown and the report, and renders nothing until the exports fill it.
 */
@Component({
  selector: 'pu-report-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: ``,
})
export class ReportDownloads {
  readonly period = input.required<Period>();
  readonly report = input<QualityReport | null>(null);
}
