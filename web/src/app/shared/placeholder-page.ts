import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/** A section that is still being built: says so instead of showing an empty page. */
@Component({
  selector: 'pu-placeholder-page',
  imports: [MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="pu-page">
      <h1>{{ heading() | transloco }}</h1>
      <p class="pu-notice info" role="status">
        <mat-icon>construction</mat-icon>
        <span class="pu-notice-text">
          <strong>{{ 'placeholder.comingSoon' | transloco }}</strong>
          {{ body() | transloco }}
        </span>
      </p>
    </section>
  `,
})
export class PlaceholderPage {
  /** Translation keys, from the route's `data`. */
  readonly heading = input.required<string>();
  readonly body = input.required<string>();
}
