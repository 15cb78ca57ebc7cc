import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCalendarHeader } from '@angular/material/datepicker';
import { MatTooltip } from '@angular/material/tooltip';

/**
 * Material's calendar header, but the month-and-year button's name starts with the month and year it shows
 * (WCAG 2.5.3, label in name): Material names it only "Choose month and year", hiding the visible "DEC 2026".
 */
@Component({
  selector: 'pu-calendar-header',
  imports: [MatButton, MatIconButton, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mat-calendar-header">
      <div class="mat-calendar-controls">
        <span [id]="_periodButtonLabelId" class="cdk-visually-hidden" aria-live="polite">{{
          periodButtonDescription
        }}</span>
        <button
          matButton
          type="button"
          class="mat-calendar-period-button"
          (click)="currentPeriodClicked()"
          [attr.aria-label]="periodButtonText + ' – ' + periodButtonLabel"
          [attr.aria-describedby]="_periodButtonLabelId"
        >
          <span aria-hidden="true">{{ periodButtonText }}</span>
          <svg
            class="mat-calendar-arrow"
            [class.mat-calendar-invert]="calendar.currentView !== 'month'"
            viewBox="0 0 10 5"
            focusable="false"
            aria-hidden="true"
          >
            <polygon points="0,0 5,5 10,0" />
          </svg>
        </button>
        <div class="mat-calendar-spacer"></div>
        <ng-content />
        <button
          matIconButton
          type="button"
          class="mat-calendar-previous-button"
          [disabled]="!previousEnabled()"
          (click)="previousClicked()"
          [matTooltip]="prevButtonLabel"
          [attr.aria-label]="prevButtonLabel"
          disabledInteractive
        >
          <svg viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d="M15.41 7.41L14 6l-6 6 6 6 1.41-1.41L10.83 12z" />
          </svg>
        </button>
        <button
          matIconButton
          type="button"
          class="mat-calendar-next-button"
          [disabled]="!nextEnabled()"
          (click)="nextClicked()"
          [matTooltip]="nextButtonLabel"
          [attr.aria-label]="nextButtonLabel"
          disabledInteractive
        >
          <svg viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d="M10 6L8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" />
          </svg>
        </button>
      </div>
    </div>
  `,
})
export class CalendarHeader<D> extends MatCalendarHeader<D> {}
