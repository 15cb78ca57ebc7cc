import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseListQuery, StaffMember } from '@pu/contracts';
import { WORKLOAD_LIMITS } from '@pu/workflow';
import { Session } from '../auth/session';
import { WorkloadApi } from './workload-api';

/** The case list's URL parameters for the dashboard's filters (person, due within N working days, idle N days). */
const PARAMS = ['assignee', 'unassigned', 'dueWithin', 'idle'] as const;
const DUE_WITHIN_CHOICES = [1, 3, 5, 10] as const;
const IDLE_CHOICES = [7, 14, 30] as const;
const NOBODY = '-';

const whole = (value: string | null, limits: { min: number; max: number }): number | undefined => {
  const n = value === null || !/^\d+$/.test(value) ? NaN : Number(value);
  return Number.isInteger(n) && n >= limits.min && n <= limits.max ? n : undefined;
};

export type WorkloadQuery = Pick<CaseListQuery, 'assigneeId' | 'unassigned' | 'dueWithinWorkingDays' | 'idleDays'>;

/** The API query for the dashboard's filters in the URL (values out of range are ignored, never sent). */
export function workloadQuery(params: ParamMap): WorkloadQuery {
  const assignee = params.get('assignee');
  return {
    assigneeId: assignee && /^[0-9a-f-]{36}$/.test(assignee) ? assignee : undefined,
    unassigned: params.get('unassigned') === 'true' || undefined,
    dueWithinWorkingDays: whole(params.get('dueWithin'), WORKLOAD_LIMITS.dueWithinWorkingDays),
    idleDays: whole(params.get('idle'), WORKLOAD_LIMITS.idleDays),
  };
}

/** Back to URL parameters: a link from the list to the board (or back) carries these filters on. */
export function workloadParams(q: WorkloadQuery): Record<string, string> {
  return {
    ...(q.assigneeId ? { assignee: q.assigneeId } : {}),
    ...(q.unassigned ? { unassigned: 'true' } : {}),
    ...(q.dueWithinWorkingDays !== undefined ? { dueWithin: String(q.dueWithinWorkingDays) } : {}),
    ...(q.idleDays !== undefined ? { idle: String(q.idleDays) } : {}),
  };
}

export function hasWorkloadFilter(params: ParamMap): boolean {
  return Object.values(workloadQuery(params)).some((v) => v !== undefined);
}

/** Parameters that clear these filters (for "clear filters"). */
export function clearedWorkloadParams(): Record<string, null> {
  return Object.fromEntries(PARAMS.map((p) => [p, null]));
}

/**
 * Filters of the case list that the dashboard's numbers lead to: who has the case (or nobody), due within
 * N working days, no activity for N days. They live in the URL like the list's own filters, so a link, a
 * reload and "back" show the same list.
 */
@Component({
  selector: 'pu-case-list-workload-filters',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 220px;
    }
  `,
  template: `
    <mat-form-field>
      <mat-label>{{ 'workload.filters.assignee' | transloco }}</mat-label>
      <mat-select [value]="assignee()" (valueChange)="set({ assignee: $event })">
        <mat-option value="">{{ 'workload.filters.anyone' | transloco }}</mat-option>
        <mat-option [value]="nobody">{{ 'workload.filters.nobody' | transloco }}</mat-option>
        @if (isMe()) {
          <mat-option [value]="meId()">{{ 'workload.filters.me' | transloco }}</mat-option>
        }
        @for (s of people(); track s.id) {
          <mat-option [value]="s.id">{{ s.displayName }} ({{ s.department.symbol }})</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'workload.filters.dueWithin' | transloco }}</mat-label>
      <mat-select [value]="dueWithin()" (valueChange)="set({ dueWithin: $event })">
        <mat-option value="">{{ 'workload.filters.anyTime' | transloco }}</mat-option>
        @for (n of dueChoices(); track n) {
          <mat-option [value]="n">{{
            (n === 1 ? 'workload.filters.workingDaysOne' : 'workload.filters.workingDays') | transloco: { count: n }
          }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'workload.filters.idle' | transloco }}</mat-label>
      <mat-select [value]="idle()" (valueChange)="set({ idle: $event })">
        <mat-option value="">{{ 'workload.filters.anyActivity' | transloco }}</mat-option>
        @for (n of idleChoices(); track n) {
          <mat-option [value]="n">{{ 'workload.filters.days' | transloco: { count: n } }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class CaseListWorkloadFilters {
  /** The list's department filter ('' = none): the people offered are that department's (or the user's own). */
  readonly departmentId = input<string>('');

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(WorkloadApi);
  private readonly me = inject(Session).user;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly nobody = NOBODY;
  protected readonly meId = computed(() => this.me()?.id ?? '');
  protected readonly staff = signal<StaffMember[]>([]);
  protected readonly people = computed(() => this.staff().filter((s) => s.id !== this.meId()));
  protected readonly isMe = computed(() => !!this.meId());
  protected readonly assignee = computed(() => {
    const q = workloadQuery(this.params());
    return q.unassigned ? NOBODY : (q.assigneeId ?? '');
  });
  protected readonly dueWithin = computed(() => workloadQuery(this.params()).dueWithinWorkingDays ?? '');
  protected readonly idle = computed(() => workloadQuery(this.params()).idleDays ?? '');
  // A value that came in through a link stays selectable even if it is not one of the usual choices.
  protected readonly dueChoices = computed(() => withValue(DUE_WITHIN_CHOICES, this.dueWithin()));
  protected readonly idleChoices = computed(() => withValue(IDLE_CHOICES, this.idle()));

  constructor() {
    effect((onCleanup) => {
      const departmentId = this.departmentId() || this.me()?.department.id;
      const sub = this.api
        .staff(departmentId)
        .subscribe({ next: (list) => this.staff.set(list), error: () => undefined });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected set(change: { assignee?: string; dueWithin?: number | ''; idle?: number | '' }): void {
    const params: Record<string, string | null> = { cursor: null, back: null };
    if (change.assignee !== undefined) {
      params['assignee'] = change.assignee && change.assignee !== NOBODY ? change.assignee : null;
      params['unassigned'] = change.assignee === NOBODY ? 'true' : null;
    }
    if (change.dueWithin !== undefined) params['dueWithin'] = change.dueWithin === '' ? null : String(change.dueWithin);
    if (change.idle !== undefined) params['idle'] = change.idle === '' ? null : String(change.idle);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}

function withValue(choices: readonly number[], value: number | ''): number[] {
  return value === '' || choices.includes(value) ? [...choices] : [...choices, value].sort((a, b) => a - b);
}
