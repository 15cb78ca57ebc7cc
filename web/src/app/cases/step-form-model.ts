import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { DEFAULT_MAX_LENGTH, type FieldDef, type StepDef } from '@pu/workflow';
import { fromDateTimeInput, toDateTimeInput } from '../shared/date-time';

export type EventGroup = FormGroup<{
  kind: FormControl<string>;
  at: FormControl<string>;
  note: FormControl<string>;
}>;

export type StepFormGroup = FormGroup<Record<string, AbstractControl>>;

export function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

export function maxLengthOf(field: FieldDef): number {
  return field.maxLength ?? (field.type === 'longtext' ? DEFAULT_MAX_LENGTH.longtext : DEFAULT_MAX_LENGTH.text);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  if (typeof value === 'string') {
    return value.trim() === '';
  }
  return Array.isArray(value) && value.length === 0;
}

/** Whether the field must be filled given the step's other answers (`required`, or `requiredWhen` met). */
export function isRequiredNow(field: FieldDef, values: Record<string, unknown> | null | undefined): boolean {
  if (field.required) {
    return true;
  }
  const when = field.requiredWhen;
  if (!when || !values) {
    return false;
  }
  const other = values[when.field];
  return (typeof other === 'string' || typeof other === 'boolean') && when.in.includes(other);
}

function requiredRule(field: FieldDef): ValidatorFn {
  return (control) => {
    const values = control.parent?.getRawValue() as Record<string, unknown> | undefined;
    if (field.type === 'boolean' && field.mustBeTrue) {
      return control.value === true ? null : { required: true };
    }
    return isRequiredNow(field, values) && isEmpty(control.value) ? { required: true } : null;
  };
}

/** A reactive form for one step, a control per field of the step's definition. */
export function buildStepForm(step: StepDef): StepFormGroup {
  const controls: Record<string, AbstractControl> = {};
  for (const field of step.fields) {
    const required = requiredRule(field);
    switch (field.type) {
      case 'text':
      case 'longtext':
        controls[field.id] = new FormControl('', {
          nonNullable: true,
          validators: [required, Validators.maxLength(maxLengthOf(field))],
        });
        break;
      case 'boolean':
        controls[field.id] = field.mustBeTrue
          ? new FormControl(false, { nonNullable: true, validators: required })
          : new FormControl<boolean | null>(null, { validators: required });
        break;
      case 'events':
        controls[field.id] = new FormArray<EventGroup>([], { validators: required });
        break;
      default:
        controls[field.id] = new FormControl('', { nonNullable: true, validators: required });
    }
  }
  return new FormGroup(controls);
}

/**
 * A new event line for an `events` field, with the note's length limit of that field. Its time starts as now:
 * an event is mostly recorded as it happens, and the clerk corrects it when not.
 */
export function eventFor(field: FieldDef, now: Date = new Date()): EventGroup {
  return new FormGroup({
    kind: new FormControl('', { nonNullable: true, validators: Validators.required }),
    at: new FormControl(toDateTimeInput(now), { nonNullable: true, validators: Validators.required }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(maxLengthOf(field)) }),
  });
}

/** Re-check the fields whose requirement depends on another field (`requiredWhen`). */
export function refreshDependents(form: StepFormGroup, step: StepDef): void {
  for (const field of step.fields) {
    if (field.requiredWhen) {
      form.get(field.id)?.updateValueAndValidity({ emitEvent: false });
    }
  }
}

/** The step's data as the API takes it: blanks left out, text trimmed, date-times as ISO instants. */
export function stepPayload(step: StepDef, form: StepFormGroup): Record<string, unknown> {
  const raw = form.getRawValue() as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const field of step.fields) {
    const value = raw[field.id];
    switch (field.type) {
      case 'text':
      case 'longtext':
      case 'choice':
      case 'date':
        if (typeof value === 'string' && value.trim()) {
          data[field.id] = value.trim();
        }
        break;
      case 'boolean':
        if (typeof value === 'boolean') {
          data[field.id] = value;
        }
        break;
      case 'datetime': {
        const iso = fromDateTimeInput(value as string);
        if (iso) {
          data[field.id] = iso;
        }
        break;
      }
      case 'events': {
        const events = (value as { kind: string; at: string; note: string }[]).map((e) => ({
          kind: e.kind,
          at: fromDateTimeInput(e.at) ?? e.at,
          ...(e.note.trim() ? { note: e.note.trim() } : {}),
        }));
        if (events.length) {
          data[field.id] = events;
        }
        break;
      }
    }
  }
  return data;
}

/**
 * The form's value for data the step once held (a reopened step): the reverse of `stepPayload`, date-times
 * back into the input's local form, event lines with their count. Fields the data lacks are left out.
 */
export function stepFormValue(step: StepDef, data: Record<string, unknown> | undefined): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of step.fields) {
    const v = data?.[field.id];
    if (v === undefined || v === null) {
      continue;
    }
    switch (field.type) {
      case 'boolean':
        if (typeof v === 'boolean') {
          value[field.id] = v;
        }
        break;
      case 'datetime':
        if (typeof v === 'string') {
          value[field.id] = toDateTimeInput(v);
        }
        break;
      case 'events':
        if (Array.isArray(v)) {
          value[field.id] = (v as { kind?: unknown; at?: unknown; note?: unknown }[]).map((e) => ({
            kind: typeof e.kind === 'string' ? e.kind : '',
            at: typeof e.at === 'string' ? toDateTimeInput(e.at) : '',
            note: typeof e.note === 'string' ? e.note : '',
          }));
        }
        break;
      default:
        value[field.id] = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
    }
  }
  return value;
}

/** Put `stepFormValue`'s result into the form, event lines included (FormArray needs its items first). */
export function fillStepForm(form: StepFormGroup, step: StepDef, value: Record<string, unknown>): void {
  for (const field of step.fields) {
    const v = value[field.id];
    const control = form.controls[field.id];
    if (v === undefined || !control) {
      continue;
    }
    if (control instanceof FormArray && Array.isArray(v)) {
      control.clear({ emitEvent: false });
      v.forEach(() => control.push(eventFor(field), { emitEvent: false }));
    }
    control.setValue(v, { emitEvent: false });
    control.markAsDirty();
  }
  form.updateValueAndValidity();
}
