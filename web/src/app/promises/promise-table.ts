import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChannelName, PromiseResponse } from '@pu/contracts';
import { Language } from '../i18n/language';
import { PuDateTimePipe } from '../shared/date-time';
import { PROMISE_STATE_ICONS, PromiseState, promiseStateAt } from './promise-state';
import { RelativeDuePipe } from './relative-due';
import { WorkflowLabels } from './workflow-labels';

const COLUMNS = ['reference', 'description', 'channel', 'due', 'state', 'createdBy'];

/** Promises in a table: case, what was promised, channel, due time, state in words, who promised; actions optional. */
@Component({
  selector: 'pu-promise-table',
  imports: [RouterLink, MatTableModule, MatButtonModule, MatIconModule, TranslocoPipe, PuDateTimePipe, RelativeDuePipe],
  templateUrl: './promise-table.html',
  styleUrl: './promise-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PromiseTable {
  readonly promises = input.required<PromiseResponse[]>();
  /** Screen-reader caption of the table. */
  readonly caption = input.required<string>();
  readonly now = input.required<number>();
  /** Clerks and managers may mark kept and reschedule; the quality officer only reads. */
  readonly canWork = input(false);
  /** The promise whose change is being saved (its buttons are disabled meanwhile). */
  readonly busyId = input<string | null>(null);
  /** Promises marked kept that can still be undone: they offer "Cofnij" instead of their actions. */
  readonly pendingIds = input<ReadonlySet<string>>(new Set());

  readonly keep = output<PromiseResponse>();
  readonly reschedule = output<PromiseResponse>();
  readonly undo = output<PromiseResponse>();

  private readonly labels = inject(WorkflowLabels);
  protected readonly lang = inject(Language).lang;
  protected readonly icons = PROMISE_STATE_ICONS;

  protected columns(): string[] {
    return this.canWork() ? [...COLUMNS, 'actions'] : COLUMNS;
  }

  protected state(p: PromiseResponse): PromiseState {
    return promiseStateAt(p, this.now());
  }

  protected channel(channel: ChannelName): string {
    return this.labels.channel(channel, this.lang());
  }
}
