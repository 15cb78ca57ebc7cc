import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * The message above a form: why it was not saved. The live region is always there, so a screen reader
 * announces the message when it appears.
 */
@Component({
  selector: 'pu-form-alert',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" aria-atomic="true">
      @if (message(); as text) {
        <p class="pu-notice error" data-testid="form-error">
          <mat-icon aria-hidden="true">error</mat-icon><span class="pu-notice-text">{{ text }}</span>
        </p>
      }
    </div>
  `,
})
export class FormAlert {
  readonly message = input<string | null>(null);
}
