import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseKindName, CaseRegisterResponse } from '@pu/contracts';
import { CASE_KINDS, CASE_KIND_LABELS } from '@pu/workflow';
import { Language } from '../i18n/language';
import { localized } from '../shared/localized';
import { AdminApi } from './admin-api';

/** The case registers (`/administracja/rejestry`): how each kind's reference numbers are written. */
@Component({
  selector: 'pu-case-registers-page',
  imports: [RouterLink, MatTableModule, MatButtonModule, MatIconModule, TranslocoPipe],
  templateUrl: './case-registers-page.html',
  styleUrl: './admin-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseRegistersPage {
  private readonly api = inject(AdminApi);

  private readonly lang = inject(Language).lang;
  protected readonly columns = ['kind', 'jrwa', 'format', 'example', 'actions'];
  protected readonly registers = signal<CaseRegisterResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api.caseRegisters().subscribe({
      next: (list) => {
        // In the order kinds are offered everywhere else (complaints first), not the API's alphabetical one.
        this.registers.set([...list].sort((a, b) => CASE_KINDS.indexOf(a.kind) - CASE_KINDS.indexOf(b.kind)));
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  protected kindLabel(kind: CaseKindName): string {
    return localized(CASE_KIND_LABELS[kind], this.lang());
  }
}
