import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/** One line of the comparison, already put into words for the page's language. */
export interface ConflictLine {
  label: string;
  theirs: string;
  mine: string;
  /** Both sides changed it differently: marked, so it is not overlooked. */
  clash: boolean;
}

/**
 * After a 412: what the other person saved and what this clerk typed, side by side, and the two ways on —
 * apply mine again (over the version now saved) or discard mine. Nothing typed is hidden meanwhile: the form
 * keeps it too. The panel takes focus when it appears, so keyboard and screen-reader users land on it.
 */
@Component({
  selector: 'pu-conflict-panel',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      border: 2px solid var(--mat-sys-tertiary);
      border-radius: 8px;
      padding: 8px 16px 16px;
      margin: 8px 0 16px;
      background: var(--mat-sys-surface-container-low);
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    tr.clash th[scope='row'] {
      font-weight: 700;
    }
    .clash-mark {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
    .note {
      margin: 8px 0 0;
    }
  `,
  template: `
    <h3 tabindex="-1" data-testid="conflict-heading">
      <mat-icon aria-hidden="true">compare_arrows</mat-icon>{{ heading() }}
    </h3>
    <p>{{ 'casework.conflict.intro' | transloco }}</p>
    <div class="table-scroll">
      <table data-testid="conflict-table">
        <caption class="visually-hidden">
          {{
            heading()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'casework.conflict.field' | transloco }}</th>
            <th scope="col">{{ 'casework.conflict.theirs' | transloco }}</th>
            <th scope="col">{{ 'casework.conflict.mine' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track $index) {
            <tr [class.clash]="line.clash">
              <th scope="row">
                {{ line.label }}
                @if (line.clash) {
                  <span class="clash-mark">{{ 'casework.conflict.clash' | transloco }}</span>
                }
              </th>
              <td>{{ line.theirs || ('casework.conflict.empty' | transloco) }}</td>
              <td>{{ line.mine || ('casework.conflict.empty' | transloco) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (note(); as text) {
      <p class="note">{{ text }}</p>
    }
    <div class="actions">
      <button mat-flat-button type="button" (click)="applyMine.emit()" [disabled]="busy() || !canApply()">
        <mat-icon>redo</mat-icon>{{ 'casework.conflict.applyMine' | transloco }}
      </button>
      <button mat-stroked-button type="button" (click)="discardMine.emit()" [disabled]="busy()">
        <mat-icon>delete_sweep</mat-icon>{{ 'casework.conflict.discardMine' | transloco }}
      </button>
    </div>
  `,
})
export class ConflictPanel {
  readonly heading = input.required<string>();
  readonly lines = input.required<readonly ConflictLine[]>();
  /** Why "apply mine again" cannot be done here, or what it will do. */
  readonly note = input<string | null>(null);
  readonly canApply = input(true);
  readonly busy = input(false);
  readonly applyMine = output();
  readonly discardMine = output();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('h3')?.focus());
  }
}
