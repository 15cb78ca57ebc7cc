import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Shown when a role opens a section it may not see. */
@Component({
  selector: 'pu-no-access-page',
  imports: [RouterLink, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="pu-page">
      <h1>{{ 'noAccess.title' | transloco }}</h1>
      <p class="pu-notice info">
        <mat-icon>block</mat-icon>
        <span class="pu-notice-text">{{ 'noAccess.body' | transloco }}</span>
      </p>
      <a routerLink="/">{{ 'noAccess.home' | transloco }}</a>
    </section>
  `,
})
export class NoAccessPage {}
