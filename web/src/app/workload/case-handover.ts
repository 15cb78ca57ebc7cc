import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseHandover } from '@pu/contracts';
import { Language } from '../i18n/language';
import { PuDateTimePipe } from '../shared/date-time';

/**
 * The last handover on the case page itself (standard 17 pt 7–10): who gave the case on, when, and the note
 * of what it is about, so whoever takes it over reads it first — not only in the history.
 */
@Component({
  selector: 'pu-case-handover',
  imports: [MatIconModule, TranslocoPipe, PuDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .handover {
      margin: 12px 0 0;
    }
    .note {
      white-space: pre-line;
      margin: 4px 0 0;
    }
  `,
  template: `
    @let h = handover();
    <section class="pu-notice info handover" [attr.aria-label]="'workload.handover.heading' | transloco">
      <mat-icon aria-hidden="true">forward_to_inbox</mat-icon>
      <div class="pu-notice-text">
        <strong>{{ 'workload.handover.kinds.' + h.kind | transloco }}</strong>
        {{
          'workload.handover.byAt'
            | transloco
              : {
                  name: h.by?.displayName ?? ('workload.handover.someone' | transloco),
                  at: (h.at | puDateTime: lang()),
                }
        }}
        @if (h.note) {
          <p class="note" data-testid="handover-note">{{ h.note }}</p>
        }
      </div>
    </section>
  `,
})
export class CaseHandoverNote {
  readonly handover = input.required<CaseHandover>();
  protected readonly lang = inject(Language).lang;
}
