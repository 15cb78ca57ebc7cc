import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DashboardPersonRow,
  DashboardResponse,
  DepartmentRef,
  MyWorkResponse,
  StaffMember,
  WorkloadCounts,
  WorkloadThresholds,
} from '@pu/contracts';
import { DUE_SOON_WORKING_DAYS, IDLE_DAYS, workloadWindows, type WorkloadWindows } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { selectDepartment } from '../departments/departments.queries';
import type { DashboardQueryDto } from './dto/workload-query.dto';
import { selectCaseCounts, selectMyWork, selectPromiseCounts, selectStaff } from './workload.queries';

const zero = (): WorkloadCounts => ({ overdue: 0, dueSoon: 0, idle: 0, brokenPromises: 0, promisesDueToday: 0 });

/** The manager's dashboard and "my work" (standard 11.5: managers see what is overdue or due soon). */
@Injectable()
export class WorkloadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async dashboard(user: SessionUser, q: DashboardQueryDto): Promise<DashboardResponse> {
    const department = await this.dashboardDepartment(user, q.departmentId);
    const w = workloadWindows(this.clock.now());
    const departmentId = department?.id ?? null;
    const [cases, promises, staff] = await Promise.all([
      selectCaseCounts(this.db.manager, departmentId, w),
      selectPromiseCounts(this.db.manager, departmentId, w),
      selectStaff(this.db.manager, departmentId),
    ]);
    const rows = new Map<string, DashboardPersonRow>();
    const rowFor = (dep: DepartmentRef, personId: string | null, personName: string | null) => {
      const key = `${dep.id}|${personId ?? ''}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          department: dep,
          person: personId ? { id: personId, displayName: personName ?? '' } : null,
          counts: zero(),
        };
        rows.set(key, row);
      }
      return row;
    };
    // Everyone who can work cases appears, with zeros too: a manager sees the whole team.
    for (const s of staff)
      rowFor({ id: s.department_id, symbol: s.department_symbol, name: s.department_name }, s.id, s.display_name);
    const totals = zero();
    for (const r of cases) {
      const row = rowFor(
        { id: r.department_id, symbol: r.department_symbol, name: r.department_name },
        r.person_id,
        r.person_name,
      );
      row.counts.overdue += r.overdue;
      row.counts.dueSoon += r.due_soon;
      row.counts.idle += r.idle;
      totals.overdue += r.overdue;
      totals.dueSoon += r.due_soon;
      totals.idle += r.idle;
    }
    for (const r of promises) {
      const row = rowFor(
        { id: r.department_id, symbol: r.department_symbol, name: r.department_name },
        r.person_id,
        r.person_name,
      );
      row.counts.brokenPromises += r.broken;
      row.counts.promisesDueToday += r.due_today;
      totals.brokenPromises += r.broken;
      totals.promisesDueToday += r.due_today;
    }
    const byPerson = [...rows.values()].sort(
      (a, b) =>
        a.department.symbol.localeCompare(b.department.symbol, 'pl') ||
        // The unassigned row closes each department's list.
        (a.person === null ? 1 : 0) - (b.person === null ? 1 : 0) ||
        (a.person?.displayName ?? '').localeCompare(b.person?.displayName ?? '', 'pl'),
    );
    return { department, thresholds: thresholds(w), totals, byPerson };
  }

  async myWork(user: SessionUser): Promise<MyWorkResponse> {
    const w = workloadWindows(this.clock.now());
    const r = await selectMyWork(this.db.manager, user, w);
    return {
      thresholds: thresholds(w),
      department: user.department,
      myCasesOverdue: r.my_overdue,
      myCasesDueSoon: r.my_due_soon,
      myPromisesBroken: r.my_broken,
      myPromisesDueToday: r.my_due_today,
      departmentUnassigned: r.department_unassigned,
    };
  }

  async staff(departmentId: string | undefined): Promise<StaffMember[]> {
    const rows = await selectStaff(this.db.manager, departmentId ?? null);
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      role: r.role,
      department: { id: r.department_id, symbol: r.department_symbol, name: r.department_name },
    }));
  }

  /** A manager's own department; the quality officer's choice, or null for all. */
  private async dashboardDepartment(
    user: SessionUser,
    departmentId: string | undefined,
  ): Promise<DepartmentRef | null> {
    if (user.role === 'manager') {
      if (departmentId && departmentId !== user.department.id)
        throw new DomainError('FORBIDDEN', {
          pl: 'Pulpit pokazuje tylko Twój wydział.',
          en: 'The dashboard shows only your own department.',
        });
      return user.department;
    }
    if (!departmentId) return null;
    const d = await selectDepartment(this.db.manager, departmentId);
    if (!d) throw new DomainError('NOT_FOUND', { pl: 'Nie ma takiego wydziału.', en: 'There is no such department.' });
    return { id: d.id, symbol: d.symbol, name: d.name };
  }
}

function thresholds(w: WorkloadWindows): WorkloadThresholds {
  return {
    dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
    idleDays: IDLE_DAYS,
    asOf: w.now.toISOString(),
    dueSoonUntil: w.dueSoonUntil.toISOString(),
    idleBefore: w.idleBefore.toISOString(),
    todayEnds: w.todayEnds.toISOString(),
  };
}
