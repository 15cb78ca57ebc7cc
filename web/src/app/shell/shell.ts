import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { LOGIN_PATH } from '../auth/return-url';
import { Session } from '../auth/session';
import { UserMenu } from '../account/user-menu';
import { LanguageSwitch } from '../i18n/language-switch';
import { NotificationBell } from '../notifications/notification-bell';
import { Notifier } from '../shared/notifier';
import { navItemsFor } from './navigation';

/** The signed-in layout: toolbar (header), role-dependent menu (nav) and the page (main). */
@Component({
  selector: 'pu-shell',
  imports: [
    RouterOutlet,
    NgTemplateOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    LanguageSwitch,
    NotificationBell,
    UserMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly user = this.session.user;
  protected readonly navItems = computed(() => {
    const role = this.session.role();
    return role ? navItemsFor(role) : [];
  });
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly signingOut = signal(false);

  constructor() {
    // After each in-app navigation, move focus to the page so keyboard and screen-reader users start there.
    let first = true;
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        if (this.narrow()) {
          void this.sidenav().close();
        }
        if (first) {
          first = false;
          return;
        }
        this.main().nativeElement.focus({ preventScroll: true });
      });
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected signOut(): void {
    this.signingOut.set(true);
    this.session.signOut().subscribe(() => {
      this.signingOut.set(false);
      this.notifier.success(this.transloco.translate('shell.signedOut'));
      void this.router.navigateByUrl(LOGIN_PATH);
    });
  }
}
