import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UserResponse } from '@pu/contracts';
import { filter, switchMap } from 'rxjs';
import { Session } from '../auth/session';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { confirmAction } from '../shared/confirm-dialog';
import { Notifier } from '../shared/notifier';
import { AdminApi, isFormError } from './admin-api';
import { ResetPasswordDialog, ResetPasswordDialogData } from './reset-password-dialog';

@Component({
  selector: 'pu-users-page',
  imports: [
    RouterLink,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  templateUrl: './users-page.html',
  styleUrl: './admin-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  protected readonly columns = ['username', 'displayName', 'email', 'role', 'department', 'status', 'actions'];
  protected readonly me = inject(Session).user;
  protected readonly users = signal<UserResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly filterText = signal('');
  protected readonly visibleUsers = computed(() => {
    const needle = this.filterText().trim().toLocaleLowerCase('pl');
    const all = this.users();
    if (!needle) {
      return all;
    }
    return all.filter((u) =>
      [u.username, u.displayName, u.email ?? '', u.department.symbol, u.department.name].some((text) =>
        text.toLocaleLowerCase('pl').includes(needle),
      ),
    );
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api.users().subscribe({
      next: (users) => {
        this.users.set([...users].sort((a, b) => a.username.localeCompare(b.username, 'pl')));
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  protected onFilter(event: Event): void {
    this.filterText.set((event.target as HTMLInputElement).value);
  }

  protected toggleDisabled(user: UserResponse): void {
    const disabling = !user.disabled;
    const t = (key: string) => this.transloco.translate(key, { username: user.username, name: user.displayName });
    confirmAction(this.dialog, {
      title: t(disabling ? 'admin.users.disableTitle' : 'admin.users.enableTitle'),
      message: t(disabling ? 'admin.users.disableBody' : 'admin.users.enableBody'),
      confirm: t(disabling ? 'admin.users.disable' : 'admin.users.enable'),
      cancel: t('common.cancel'),
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.updateUser(user.id, user.version, { disabled: disabling })),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.notifier.success(t(disabling ? 'admin.users.disabledDone' : 'admin.users.enabledDone'));
        },
        error: (err: unknown) => this.actionFailed(err),
      });
  }

  protected resetPassword(user: UserResponse): void {
    this.dialog
      .open<ResetPasswordDialog, ResetPasswordDialogData, boolean>(ResetPasswordDialog, {
        data: { user },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((done) => done === true))
      .subscribe(() =>
        this.notifier.success(this.transloco.translate('admin.users.passwordReset', { username: user.username })),
      );
  }

  private replace(updated: UserResponse): void {
    this.users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
  }

  /** Errors the admin API leaves to the page (stale version, conflicts); the rest the interceptor has shown. */
  private actionFailed(err: unknown): void {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION') {
      this.notifier.error(this.transloco.translate('admin.users.staleList'));
      this.load();
    } else if (isFormError(e)) {
      this.notifier.error(specificErrorMessage(this.transloco, e));
    }
  }
}
