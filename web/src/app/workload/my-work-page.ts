import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyWorkResponse } from '@pu/contracts';
import { Session } from '../auth/session';
import { Language } from '../i18n/language';
import { PuDatePipe } from '../shared/date-time';
import { type ListLink, myWorkLink } from './workload-links';
import { WorkloadApi } from './workload-api';

type MyFigure =
  'myCasesOverdue' | 'myCasesDueSoon' | 'myPromisesBroken' | 'myPromisesDueToday' | 'departmentUnassigned';

const GROUPS: readonly { key: string; figures: readonly MyFigure[] }[] = [
  { key: 'cases', figures: ['myCasesOverdue', 'myCasesDueSoon'] },
  { key: 'promises', figures: ['myPromisesBroken', 'myPromisesDueToday'] },
  { key: 'department', figures: ['departmentUnassigned'] },
];
const LATE: ReadonlySet<MyFigure> = new Set(['myCasesOverdue', 'myPromisesBroken']);

/**
 * `/moja-praca`, the clerk's start page: my cases overdue and due soon, my promises broken and due today, and my
 * department's cases nobody has taken yet — each a count that links to the list of exactly those.
 */
@Component({
  selector: 'pu-my-work-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, PuDatePipe],
  templateUrl: './my-work-page.html',
  styleUrl: './my-work-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWorkPage {
  private readonly api = inject(WorkloadApi);
  private readonly me = inject(Session).user;

  protected readonly lang = inject(Language).lang;
  protected readonly groups = GROUPS;
  protected readonly data = signal<MyWorkResponse | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    this.api.myWork().subscribe({ next: (d) => this.data.set(d), error: () => this.failed.set(true) });
  }

  protected link(figure: MyFigure): ListLink {
    const me = this.me();
    return myWorkLink(figure, { id: me?.id ?? '', departmentId: me?.department.id ?? '' });
  }

  protected isLate(figure: MyFigure, count: number): boolean {
    return LATE.has(figure) && count > 0;
  }
}
