import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The toolbar's user menu: the user's own settings (e-mail, language). */
@Component({
  selector: 'pu-user-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      data-testid="user-menu"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'account.menu' | transloco"
    >
      <mat-icon>account_circle</mat-icon>
    </button>
    <mat-menu #menu="matMenu">
      <a mat-menu-item routerLink="/ustawienia" data-testid="user-menu-settings">
        <mat-icon>settings</mat-icon>
        <span>{{ 'account.menuSettings' | transloco }}</span>
      </a>
    </mat-menu>
  `,
})
export class UserMenu {}
