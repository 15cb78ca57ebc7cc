import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { filteredPromisesView } from '../workload/promise-filters';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DepartmentRef, PromiseListQuery, PromiseResponse, Role } from '@pu/contracts';
import { Observable, catchError, forkJoin, of, tap } from 'rxjs';
import { Session } from '../auth/session';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { Notifier } from '../shared/notifier';
import { PromiseRescheduleData, PromiseRescheduleDialog } from './promise-reschedule-dialog';
import { PromiseTable } from './promise-table';
import { PROMISE_LIST_LIMIT, PromisesApi } from './promises-api';
import { tickingNow } from './relative-due';
import { UndoableKept } from './undoable-kept';
import { WorkflowLabels } from './workflow-labels';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

type TabId = 'mineOpen' | 'mineOverdue' | 'departmentOverdue' | 'allOverdue' | 'filtered';

interface TabDef {
  id: TabId;
  /** The `?widok=` value: the chosen tab survives a reload and can be linked to. */
  slug: string;
  query: PromiseListQuery;
  roles: readonly Role[];
  /** Grouped by department, with counts (all departments at once). */
  grouped?: boolean;
  /** Translation keys of a tab that is not one of TABS (the filtered view a dashboard number leads to). */
  keys?: { label: string; empty: string; caption: string };
}

const TABS: readonly TabDef[] = [
  { id: 'mineOpen', slug: 'moje-otwarte', query: { scope: 'mine', state: 'open' }, roles: ['clerk', 'manager'] },
  {
    id: 'mineOverdue',
    slug: 'moje-po-terminie',
    query: { scope: 'mine', state: 'overdue' },
    roles: ['clerk', 'manager'],
  },
  {
    id: 'departmentOverdue',
    slug: 'wydzial',
    query: { scope: 'department', state: 'overdue' },
    roles: ['manager'],
  },
  {
    id: 'allOverdue',
    slug: 'wszystkie-wydzialy',
    query: { scope: 'all', state: 'overdue' },
    roles: ['quality'],
    grouped: true,
  },
];

interface TabData {
  items: PromiseResponse[] | null;
  failed: boolean;
}

interface DepartmentGroup {
  department: DepartmentRef;
  items: PromiseResponse[];
}

/**
 * `/obietnice`: the follow-up promises a clerk made (open, and past their due time), the department's
 * overdue promises for a manager, every department's for the quality officer. Clerks and managers mark
 * a promise kept or move its date after telling the client (standard 17 pkt 4).
 */
@Component({
  selector: 'pu-promises-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [RouterLink, MatTabsModule, MatButtonModule, MatIconModule, TranslocoPipe, PromiseTable],
  templateUrl: './promises-page.html',
  styleUrl: './promises-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PromisesPage {
  private readonly api = inject(PromisesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly role = inject(Session).role;
  protected readonly now = tickingNow();
  protected readonly limit = PROMISE_LIST_LIMIT;
  /** A dashboard or "my work" number leads here with its filter in the URL: then that list alone is shown. */
  protected readonly filter = filteredPromisesView(this.route.snapshot.queryParamMap);
  protected readonly tabs = computed(() => {
    const role = this.role();
    if (this.filter) return [this.filter];
    return TABS.filter((t) => role !== null && t.roles.includes(role));
  });
  protected readonly canWork = computed(() => this.role() === 'clerk' || this.role() === 'manager');
  protected readonly selectedIndex = signal(0);
  protected readonly data = signal<Partial<Record<TabId, TabData>>>({});
  protected readonly busyId = signal<string | null>(null);
  protected readonly kept = new UndoableKept((p, leaving) => this.sendKept(p, leaving));
  /** What went wrong with the last action, said above the tabs (someone else's change, a rule of the API). */
  protected readonly message = signal<string | null>(null);

  constructor() {
    inject(WorkflowLabels).load();
    const slug = this.route.snapshot.queryParamMap.get('widok');
    this.selectedIndex.set(
      Math.max(
        0,
        this.tabs().findIndex((t) => t.slug === slug),
      ),
    );
    this.loadAll().subscribe();
  }

  protected tabData(tab: TabDef): TabData {
    return this.data()[tab.id] ?? { items: null, failed: false };
  }

  protected groupByDepartment(items: PromiseResponse[]): DepartmentGroup[] {
    const groups = new Map<string, DepartmentGroup>();
    for (const p of items) {
      const group = groups.get(p.department.id) ?? { department: p.department, items: [] };
      group.items.push(p);
      groups.set(p.department.id, group);
    }
    return [...groups.values()].sort((a, b) => a.department.symbol.localeCompare(b.department.symbol, 'pl'));
  }

  protected select(index: number): void {
    if (this.filter) return;
    this.selectedIndex.set(index);
    const slug = this.tabs()[index]?.slug;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { widok: index === 0 ? null : slug },
      replaceUrl: true,
    });
  }

  protected retry(tab: TabDef): void {
    this.loadTab(tab).subscribe({ error: () => undefined });
  }

  /** Waits out the undo time first; focus moves to "Cofnij", which takes the place of the row's actions. */
  protected keep(p: PromiseResponse): void {
    this.message.set(null);
    const position = this.actionPosition(p);
    this.kept.mark(p);
    this.refocus(position);
  }

  protected undo(p: PromiseResponse): void {
    const position = this.actionPosition(p);
    this.kept.undo(p);
    this.refocus(position);
  }

  private sendKept(marked: PromiseResponse, leaving: boolean): void {
    // A reload during the undo time (after another action) may hold a newer version of it.
    const p = this.latest(marked);
    const done = () =>
      this.notifier.success(this.transloco.translate('promises.keptDone', { reference: p.caseReference }));
    if (leaving) {
      this.api.update(p, { kept: true }).subscribe({ next: done, error: () => undefined });
      return;
    }
    this.busyId.set(p.id);
    const position = this.actionPosition(p);
    this.api.update(p, { kept: true }).subscribe({
      next: () => {
        this.busyId.set(null);
        done();
        this.reloadAndRefocus(position);
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.actionFailed(err, position);
      },
    });
  }

  private latest(p: PromiseResponse): PromiseResponse {
    for (const tab of Object.values(this.data())) {
      const found = tab.items?.find((x) => x.id === p.id);
      if (found) return found;
    }
    return p;
  }

  protected reschedule(p: PromiseResponse): void {
    this.message.set(null);
    const position = this.actionPosition(p);
    this.dialog
      .open<PromiseRescheduleDialog, PromiseRescheduleData, PromiseResponse>(PromiseRescheduleDialog, {
        data: { promise: p },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (updated) {
          this.notifier.success(this.transloco.translate('promises.rescheduledDone', { reference: p.caseReference }));
          this.reloadAndRefocus(position);
        }
      });
  }

  /** Errors the HTTP interceptor left to this page: a stale version, field rules, a promise gone from view. */
  private actionFailed(err: unknown, position: number): void {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION') {
      this.message.set(this.transloco.translate('promises.stale'));
      this.reloadAndRefocus(position);
    } else if (e.statusCode === 404) {
      this.message.set(this.transloco.translate('promises.gone'));
      this.reloadAndRefocus(position);
    } else if (e.statusCode === 422) {
      const fieldMessages = Object.values(e.fields ?? {}).flat();
      this.message.set(fieldMessages.length ? fieldMessages.join(' ') : specificErrorMessage(this.transloco, e));
      this.reloadAndRefocus(position);
    }
  }

  /** Where the action's button was among the visible ones, so focus can land near it after the list changes. */
  private actionPosition(p: PromiseResponse): number {
    const panel = this.activePanel();
    const buttons = panel ? [...panel.querySelectorAll<HTMLElement>('[data-promise-action]')] : [];
    const active = document.activeElement;
    const index = buttons.findIndex((b) => b === active);
    if (index >= 0) {
      return index;
    }
    const items = this.tabData(this.tabs()[this.selectedIndex()]).items ?? [];
    return Math.max(
      0,
      items.findIndex((x) => x.id === p.id),
    );
  }

  /**
   * Reload every tab (a kept or moved promise changes tabs), then put focus on the action button now
   * at the same place, or on the "nothing left" text: never lost on a removed row.
   */
  private reloadAndRefocus(position: number): void {
    this.loadAll().subscribe(() => this.refocus(position));
  }

  /** Each row has one `data-promise-action` button ("Dotrzymana" or "Cofnij"), so a position stays a row's. */
  private refocus(position: number): void {
    afterNextRender(
      () => {
        const panel = this.activePanel();
        if (!panel || panel.contains(document.activeElement)) {
          return;
        }
        const buttons = [...panel.querySelectorAll<HTMLElement>('[data-promise-action]')];
        const target = buttons[Math.min(position, buttons.length - 1)] ?? panel.querySelector<HTMLElement>('.empty');
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  private activePanel(): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>('.mat-mdc-tab-body-active');
  }

  private loadAll(): Observable<unknown> {
    return forkJoin(this.tabs().map((tab) => this.loadTab(tab).pipe(catchError(() => of(null)))));
  }

  /** A reload keeps the rows on screen until the new ones arrive (no flicker after an action). */
  private loadTab(tab: TabDef): Observable<PromiseResponse[]> {
    this.patch(tab.id, { failed: false });
    return this.api.list(tab.query).pipe(
      tap({
        next: (items) => this.patch(tab.id, { items, failed: false }),
        error: () => this.patch(tab.id, { items: null, failed: true }),
      }),
    );
  }

  private patch(id: TabId, change: Partial<TabData>): void {
    this.data.update((all) => ({ ...all, [id]: { items: null, failed: false, ...all[id], ...change } }));
  }
}
