import { ChangeDetectionStrategy, Component, TemplateRef, contentChild, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FormAlert } from '../shared/form-alert';
import type { AdminFormState } from './admin-form';

/**
 * The page around an administration form: the way back, the heading, loading and its failure, a record
 * that is not there, the restored-draft notice and the form's message. The page gives the form as
 * `<ng-template #body>` (and what to say before the notices as `<ng-template #intro>`).
 */
@Component({
  selector: 'pu-admin-form-frame',
  imports: [NgTemplateOutlet, RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="pu-page">
      <p class="back">
        <a [routerLink]="backLink()">← {{ 'common.back' | transloco }}</a>
      </p>
      <h1>{{ heading() }}</h1>

      @if (shell().loading()) {
        <p role="status">{{ 'common.loading' | transloco }}</p>
      } @else if (shell().loadFailed()) {
        <p class="pu-notice error">
          <mat-icon>error</mat-icon>
          <span class="pu-notice-text">{{ 'errors.serverUnavailable' | transloco }}</span>
          <button mat-button type="button" (click)="shell().load()">{{ 'common.retry' | transloco }}</button>
        </p>
      } @else if (shell().notFound()) {
        <p class="pu-notice error">
          <mat-icon>error</mat-icon>
          <span class="pu-notice-text">{{ notFoundKey() | transloco }}</span>
        </p>
      } @else {
        <ng-container [ngTemplateOutlet]="intro() ?? null" />
        @if (shell().draft.restored()) {
          <p class="pu-notice info" role="status">
            <mat-icon>restore</mat-icon>
            <span class="pu-notice-text">{{ 'common.draftRestored' | transloco }}</span>
            <button mat-button type="button" (click)="shell().discardDraft()">
              {{ 'common.discardDraft' | transloco }}
            </button>
          </p>
        }
        <pu-form-alert [message]="shell().formError()" />
        <ng-container [ngTemplateOutlet]="body()" />
      }
    </section>
  `,
})
export class AdminFormFrame {
  readonly shell = input.required<AdminFormState>();
  readonly heading = input.required<string>();
  readonly backLink = input.required<string>();
  /** Translation key for a record that is not there. */
  readonly notFoundKey = input('errors.unknown');

  protected readonly intro = contentChild<TemplateRef<unknown>>('intro');
  protected readonly body = contentChild.required<TemplateRef<unknown>>('body');
}
