import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse } from '@pu/contracts';
import { assignmentRefusal, type AssignmentAction } from '@pu/workflow';
import { Observable } from 'rxjs';
import { Session } from '../auth/session';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { Notifier } from '../shared/notifier';
import type { CaseDialogData } from '../cases/transfer-dialog';
import { AssignDialog } from './assign-dialog';
import { WorkloadApi } from './workload-api';

/** Whether the signed-in user may do `action` on the case: the same rule the API enforces (@pu/workflow). */
export function mayAssign(
  action: AssignmentAction,
  me: { id: string; role: string; department: { id: string } } | null,
  c: CaseResponse,
): boolean {
  if (!me) return false;
  return (
    assignmentRefusal(
      action,
      { id: me.id, role: me.role, departmentId: me.department.id },
      { departmentId: c.department.id, assigneeId: c.assignee?.id ?? null, status: c.status },
    ) === null
  );
}

/** "Przejmij sprawę" for an unassigned case of one's department, and the manager's "Przydziel". */
@Component({
  selector: 'pu-case-assignment-actions',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    @if (canTakeOver()) {
      <button mat-flat-button type="button" (click)="takeOver()" [disabled]="busy()">
        <mat-icon>person_add</mat-icon>
        {{ 'workload.takeOver.button' | transloco }}
      </button>
    }
    @if (canAssign()) {
      <button mat-stroked-button type="button" (click)="assign()">
        <mat-icon>assignment_ind</mat-icon>
        {{ 'workload.assign.button' | transloco }}
      </button>
    }
  `,
})
export class CaseAssignmentActions {
  readonly kase = input.required<CaseResponse>();
  readonly refresh = input.required<() => Observable<CaseResponse>>();
  readonly updated = output<CaseResponse>();
  /** What went wrong, for the page to say where it says its other action errors. */
  readonly failed = output<string>();

  private readonly api = inject(WorkloadApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly me = inject(Session).user;

  protected readonly busy = signal(false);
  protected readonly canTakeOver = computed(() => mayAssign('take_over', this.me(), this.kase()));
  protected readonly canAssign = computed(() => mayAssign('assign', this.me(), this.kase()));

  protected takeOver(): void {
    const c = this.kase();
    this.busy.set(true);
    this.api.takeOver(c).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.notifier.success(this.transloco.translate('workload.takeOver.done', { reference: updated.reference }));
        this.updated.emit(updated);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        this.failed.emit(
          e.code === 'CONFLICT'
            ? this.transloco.translate('workload.takeOver.taken')
            : e.code === 'STALE_VERSION'
              ? this.transloco.translate('cases.stale')
              : specificErrorMessage(this.transloco, e),
        );
        // Someone else was quicker: show who has the case now.
        this.refresh()().subscribe({ error: () => undefined });
      },
    });
  }

  protected assign(): void {
    this.dialog
      .open<AssignDialog, CaseDialogData, CaseResponse>(AssignDialog, {
        data: { current: () => this.kase(), refresh: this.refresh() },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) {
          return;
        }
        this.notifier.success(
          updated.assignee
            ? this.transloco.translate('workload.assign.done', {
                reference: updated.reference,
                person: updated.assignee.displayName,
              })
            : this.transloco.translate('workload.assign.doneNobody', { reference: updated.reference }),
        );
        this.updated.emit(updated);
      });
  }
}
