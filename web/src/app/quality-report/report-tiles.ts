import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HeadlineFigure } from '@pu/contracts';
import { Language } from '../i18n/language';
import { directionOf, formatChange, formatFigure } from './report-view';

/** Whether a rise is good news: more cases or days is not, a larger share in time is. */
const RISE_IS_GOOD: Record<HeadlineFigure['key'], boolean | null> = {
  cases: null,
  complaints: false,
  settledWithinDeadline: true,
  medianDaysToSettle: false,
  promisesKeptOnTime: true,
  officeErrorsInformedWithinTarget: true,
};

const ICONS = { up: 'arrow_upward', down: 'arrow_downward', same: 'arrow_forward', none: 'remove' } as const;

/** The headline figures, each with its change against the period before (said in words, not only by an arrow). */
@Component({
  selector: 'pu-report-tiles',
  imports: [MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './report-tiles.scss',
  template: `
    <ul class="tiles" data-testid="report-tiles">
      @for (tile of tiles(); track tile.key) {
        <li class="tile" [attr.data-testid]="'tile-' + tile.key">
          <span class="tile-label">{{ 'qualityReport.tiles.' + tile.key | transloco }}</span>
          <span class="tile-value">{{ tile.value }}</span>
          <span class="tile-change" [class.good]="tile.tone === 'good'" [class.bad]="tile.tone === 'bad'">
            <mat-icon aria-hidden="true">{{ tile.icon }}</mat-icon>
            @if (tile.change !== null) {
              {{
                'qualityReport.tiles.change'
                  | transloco: { change: tile.change, previous: tile.previous, period: previousLabel() }
              }}
            } @else {
              {{ 'qualityReport.tiles.noComparison' | transloco: { period: previousLabel() } }}
            }
          </span>
        </li>
      }
    </ul>
  `,
})
export class ReportTiles {
  readonly figures = input.required<HeadlineFigure[]>();
  readonly previousLabel = input.required<string>();
  private readonly lang = inject(Language).lang;

  protected readonly tiles = computed(() => {
    const lang = this.lang();
    return this.figures().map((f) => {
      const direction = directionOf(f);
      const good = RISE_IS_GOOD[f.key];
      const tone =
        good === null || direction === 'none' || direction === 'same'
          ? 'neutral'
          : (direction === 'up') === good
            ? 'good'
            : 'bad';
      return {
        key: f.key,
        value: formatFigure(f.current, f.unit, lang),
        previous: formatFigure(f.previous, f.unit, lang),
        change: formatChange(f, f.unit, lang),
        icon: ICONS[direction],
        tone,
      };
    });
  });
}
