import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { UnreadCount } from './unread-count';

/** The toolbar's bell: the unread count, announced politely when it changes; opens the notifications page. */
@Component({
  selector: 'pu-notification-bell',
  imports: [MatButtonModule, MatIconModule, MatBadgeModule, MatTooltipModule, RouterLink, TranslocoPipe],
  template: `
    <a
      mat-icon-button
      routerLink="/powiadomienia"
      class="bell"
      data-testid="notification-bell"
      [attr.aria-label]="'notifications.bell' | transloco: { count: count() }"
      [matTooltip]="'notifications.bell' | transloco: { count: count() }"
    >
      <mat-icon aria-hidden="true" [matBadge]="badge()" [matBadgeHidden]="!count()" matBadgeColor="warn"
        >notifications</mat-icon
      >
    </a>
    <span class="visually-hidden" aria-live="polite" data-testid="notification-count">
      @if (count()) {
        {{ 'notifications.unread' | transloco: { count: count() } }}
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly unread = inject(UnreadCount);
  protected readonly count = computed(() => this.unread.unread() ?? 0);
  protected readonly badge = computed(() => (this.count() > 99 ? '99+' : String(this.count())));
}
