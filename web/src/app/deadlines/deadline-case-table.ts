import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseListItem } from '@pu/contracts';
import { Language } from '../i18n/language';
import { PuDatePipe } from '../shared/date-time';
import { RelativeDuePipe } from '../promises/relative-due';
import { WorkflowLabels } from '../promises/workflow-labels';
import { CasePager } from './case-pager';

/** Cases with their deadline: reference (to the case page), kind, subject, client, assignee, due, current step. */
@Component({
  selector: 'pu-deadline-case-table',
  imports: [RouterLink, MatTableModule, MatButtonModule, MatIconModule, TranslocoPipe, PuDatePipe, RelativeDuePipe],
  templateUrl: './deadline-case-table.html',
  styleUrl: './deadline-case-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlineCaseTable {
  readonly pager = input.required<CasePager>();
  readonly caption = input.required<string>();
  /** Translation key of the text shown when there is nothing to list. */
  readonly emptyText = input.required<string>();
  readonly now = input.required<number>();

  private readonly labels = inject(WorkflowLabels);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(Language).lang;
  protected readonly columns = ['reference', 'kind', 'subject', 'client', 'assignee', 'due', 'step'];

  protected kind(c: CaseListItem): string {
    return this.labels.kind(c.kind, this.lang());
  }

  protected step(c: CaseListItem): string {
    return this.labels.step(c.kind, c.currentStep, this.lang());
  }

  /** "Więcej": the next page is appended and focus moves to its first case, where reading continues. */
  protected more(): void {
    const pager = this.pager();
    const shown = pager.items().length;
    pager.more(() =>
      afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('a.reference')[shown]?.focus(), {
        injector: this.injector,
      }),
    );
  }
}
