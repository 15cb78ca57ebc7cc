import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  DoCheck,
  Injectable,
  effect,
  inject,
  input,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ControlValueAccessor,
  FormControl,
  FormGroupDirective,
  NgControl,
  NgForm,
  ReactiveFormsModule,
} from '@angular/forms';
import { DateAdapter, ErrorStateMatcher, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { MAT_DATE_FNS_FORMATS } from '@angular/material-date-fns-adapter';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale } from 'date-fns';
import { enGB, pl } from 'date-fns/locale';
import { Language } from '../i18n/language';
import { CalendarHeader } from './calendar-header';
import { dateFromInput, dateInputFrom } from './date-input-value';
import { InstantCalendarPopup } from './instant-calendar-popup';
import { provideOfficeDateAdapter } from './office-date-adapter';

/** date-fns locales of the interface languages: Polish dd.MM.yyyy, British dd/MM/yyyy, both with 24-hour time. */
const LOCALES: Record<string, Locale> = { pl, en: enGB };
const localeOf = (lang: string): Locale => LOCALES[lang] ?? pl;

/** Typed dates: the language's own form first, then a few a clerk may type (1.12.2026, 2026-12-01). */
const FORMATS = {
  ...MAT_DATE_FNS_FORMATS,
  parse: { dateInput: ['P', 'd.M.yyyy', 'd/M/yyyy', 'yyyy-MM-dd'], timeInput: ['p', 'H:mm', 'H.mm', 'HHmm'] },
};

/** The calendar's own labels ("Next month", …) in the interface language. */
@Injectable()
class TranslatedDatepickerIntl extends MatDatepickerIntl {
  constructor() {
    super();
    const transloco = inject(TranslocoService);
    transloco.langChanges$.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      const t = (key: string) => transloco.translate(`dateInput.calendar.${key}`);
      this.calendarLabel = t('calendar');
      this.openCalendarLabel = t('open');
      this.closeCalendarLabel = t('close');
      this.prevMonthLabel = t('prevMonth');
      this.nextMonthLabel = t('nextMonth');
      this.prevYearLabel = t('prevYear');
      this.nextYearLabel = t('nextYear');
      this.prevMultiYearLabel = t('prevYears');
      this.nextMultiYearLabel = t('nextYears');
      this.switchToMonthViewLabel = t('monthView');
      this.switchToMultiYearViewLabel = t('yearView');
      this.changes.next();
    });
  }
}

/**
 * A date (`mode="date"`, value `YYYY-MM-DD`) or a date and time (`mode="datetime"`, value `YYYY-MM-DDTHH:mm`,
 * wall-clock time in the office's zone) typed or picked with Material's datepicker and timepicker in the interface
 * language. The form control keeps exactly the value a native `<input type="date">` / `datetime-local` had, so
 * submissions and drafts are unchanged. The parent gives the label, hint and error text; the field shows the error
 * when the parent's control is invalid and touched (or its form submitted).
 */
@Component({
  selector: 'pu-date-time-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatTimepickerModule,
    InstantCalendarPopup,
    TranslocoPipe,
  ],
  providers: [
    provideOfficeDateAdapter(FORMATS),
    { provide: MAT_DATE_LOCALE, useFactory: () => localeOf(inject(Language).lang()) },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .date {
      flex: 2 1 12rem;
    }
    .time {
      flex: 1 1 8rem;
    }
  `,
  template: `
    <mat-form-field class="date">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [id]="inputId()"
        [matDatepicker]="datePicker"
        [formControl]="date"
        [errorStateMatcher]="errors"
        [required]="required()"
        [max]="maxDate()"
        [placeholder]="'dateInput.dateFormat' | transloco"
        autocomplete="off"
        (blur)="touched()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="datePicker" />
      <mat-datepicker #datePicker puInstantPopup [calendarHeaderComponent]="calendarHeader" (closed)="touched()" />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
    @if (mode() === 'datetime') {
      <mat-form-field class="time">
        <!-- Seen as "Time"; heard with the field's label, so each time input has a name of its own. -->
        <mat-label
          ><span class="cdk-visually-hidden">{{ label() }}: </span>{{ 'dateInput.time' | transloco }}</mat-label
        >
        <input
          matInput
          [id]="inputId() + '-time'"
          [matTimepicker]="timePicker"
          [formControl]="time"
          [errorStateMatcher]="errors"
          [required]="required()"
          [placeholder]="'dateInput.timeFormat' | transloco"
          autocomplete="off"
          (blur)="touched()"
        />
        <mat-timepicker-toggle matIconSuffix [for]="timePicker" [aria-label]="'dateInput.openTimes' | transloco" />
        <mat-timepicker #timePicker [aria-label]="'dateInput.times' | transloco" (closed)="touched()" />
        <!-- The error is said once, under the date; the time field is marked invalid beside it. -->
      </mat-form-field>
    }
  `,
})
export class DateTimeField implements ControlValueAccessor, DoCheck {
  readonly mode = input<'date' | 'datetime'>('datetime');
  readonly label = input.required<string>();
  readonly hint = input<string | null | undefined>(null);
  readonly error = input<string | null | undefined>(null);
  readonly required = input(false);
  /** Latest allowed value, in the control's own form (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`). */
  readonly max = input<string | null | undefined>(null);
  readonly inputId = input<string>(`pu-date-${nextId++}`);

  protected readonly calendarHeader = CalendarHeader;
  protected readonly date = new FormControl<Date | null>(null);
  protected readonly time = new FormControl<Date | null>(null);
  private readonly outer = inject(NgControl, { self: true, optional: true });
  private readonly adapter = inject<DateAdapter<Date, Locale>>(DateAdapter);
  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** Both inner fields show the parent control's error state. */
  protected readonly errors: ErrorStateMatcher = {
    isErrorState: (_control, form: FormGroupDirective | NgForm | null) =>
      !!this.outer?.invalid && (!!this.outer.touched || !!form?.submitted),
  };

  constructor() {
    if (this.outer) {
      this.outer.valueAccessor = this;
    }
    const language = inject(Language);
    effect(() => this.adapter.setLocale(localeOf(language.lang())));
    this.date.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.emit());
    this.time.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.emit());
  }

  private readonly changeDetector = inject(ChangeDetectorRef);

  /**
   * The parent's control turns touched or invalid (a submit, a server error) without any event in this view;
   * its check is when the inner inputs take over that state.
   */
  ngDoCheck(): void {
    this.changeDetector.markForCheck();
  }

  protected maxDate(): Date | null {
    return dateFromInput(this.max() ?? '');
  }

  protected touched(): void {
    this.onTouched();
  }

  writeValue(value: string | null | undefined): void {
    const at = dateFromInput(value ?? '');
    this.date.setValue(at, { emitEvent: false });
    this.time.setValue(at, { emitEvent: false });
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    for (const control of [this.date, this.time]) {
      if (disabled) {
        control.disable({ emitEvent: false });
      } else {
        control.enable({ emitEvent: false });
      }
    }
  }

  private emit(): void {
    const valid = (d: Date | null): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
    const date = this.date.value;
    const time = this.time.value;
    if (this.mode() === 'date') {
      this.onChange(valid(date) ? dateInputFrom(date, null) : '');
      return;
    }
    this.onChange(valid(date) && valid(time) ? dateInputFrom(date, time) : '');
  }
}

let nextId = 0;
