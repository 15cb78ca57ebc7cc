import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DepartmentResponse } from '@pu/contracts';
import { Observable, filter, of, switchMap } from 'rxjs';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { confirmAction } from '../shared/confirm-dialog';
import { Notifier } from '../shared/notifier';
import { AdminApi, isFormError } from './admin-api';

@Component({
  selector: 'pu-departments-page',
  imports: [RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  templateUrl: './departments-page.html',
  styleUrl: './admin-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  protected readonly columns = ['symbol', 'name', 'status', 'actions'];
  protected readonly departments = signal<DepartmentResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api.departments().subscribe({
      next: (list) => {
        this.departments.set([...list].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl')));
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  protected toggleActive(department: DepartmentResponse): void {
    const deactivating = department.active;
    const t = (key: string) => this.transloco.translate(key, { symbol: department.symbol, name: department.name });
    // Deactivating is confirmed; activating again has no consequence to warn about.
    const confirmed: Observable<boolean> = deactivating
      ? confirmAction(this.dialog, {
          title: t('admin.departments.deactivateTitle'),
          message: t('admin.departments.deactivateBody'),
          confirm: t('admin.departments.deactivate'),
          cancel: t('common.cancel'),
        })
      : of(true);
    confirmed
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.updateDepartment(department.id, department.version, { active: !deactivating })),
      )
      .subscribe({
        next: (updated) => {
          this.departments.update((list) => list.map((d) => (d.id === updated.id ? updated : d)));
          this.notifier.success(t(deactivating ? 'admin.departments.deactivated' : 'admin.departments.activated'));
        },
        error: (err: unknown) => {
          const e = toApiError(err);
          if (e.code === 'STALE_VERSION') {
            this.notifier.error(this.transloco.translate('admin.departments.staleList'));
            this.load();
          } else if (isFormError(e)) {
            this.notifier.error(specificErrorMessage(this.transloco, e));
          }
        },
      });
  }
}
