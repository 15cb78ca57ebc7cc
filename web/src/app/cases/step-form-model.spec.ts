import { FormArray } from '@angular/forms';
import { DEFAULT_MAX_LENGTH, type FieldDef, type StepDef } from '@pu/workflow';
import { fromDateTimeInput, toDateTimeInput } from '../shared/date-time';
import {
  buildStepForm,
  eventFor,
  fillStepForm,
  isRequiredNow,
  maxLengthOf,
  notBlank,
  refreshDependents,
  stepFormValue,
  stepPayload,
} from './step-form-model';

// A step made for the spec: the model works from any step definition, whatever its ids.
const label = { pl: 'Pole', en: 'Field' };
const field = (id: string, type: FieldDef['type'], more: Partial<FieldDef> = {}): FieldDef => ({
  id,
  type,
  label,
  required: false,
  ...more,
});
const step: StepDef = {
  id: 'talk',
  required: true,
  title: { pl: 'Rozmowa', en: 'Conversation' },
  guidance: { pl: '', en: '' },
  source: 'Standard 0',
  fields: [
    field('said', 'longtext', { required: true }),
    field('answer', 'choice', {
      options: [
        { value: 'yes', label },
        { value: 'no', label },
      ],
    }),
    field('detail', 'text', { maxLength: 10, requiredWhen: { field: 'answer', in: ['no'] } }),
    field('agreed', 'boolean', { required: true, mustBeTrue: true }),
    field('extra', 'boolean'),
    field('onDay', 'date'),
    field('atTime', 'datetime'),
    field('log', 'events', { maxLength: 20 }),
  ],
};

describe('maxLengthOf', () => {
  it("uses the field's limit, or the workflow's default for its type", () => {
    expect(maxLengthOf(field('a', 'text', { maxLength: 10 }))).toBe(10);
    expect(maxLengthOf(field('a', 'text'))).toBe(DEFAULT_MAX_LENGTH.text);
    expect(maxLengthOf(field('a', 'longtext'))).toBe(DEFAULT_MAX_LENGTH.longtext);
  });
});

describe('isRequiredNow', () => {
  const detail = step.fields[2];
  it("follows `requiredWhen` on the step's other answers", () => {
    expect(isRequiredNow(detail, { answer: 'no' })).toBe(true);
    expect(isRequiredNow(detail, { answer: 'yes' })).toBe(false);
    expect(isRequiredNow(detail, null)).toBe(false);
    expect(isRequiredNow(step.fields[0], null)).toBe(true);
  });
});

describe('buildStepForm', () => {
  it('has a control per field, and is invalid until the required ones are filled', () => {
    const form = buildStepForm(step);
    expect(Object.keys(form.controls)).toEqual(step.fields.map((f) => f.id));
    expect(form.valid).toBe(false);
    form.patchValue({ said: 'Klient opowiedział, co się stało.', agreed: true });
    expect(form.valid).toBe(true);
  });

  it('treats blank text as missing', () => {
    const form = buildStepForm(step);
    form.patchValue({ said: '   ', agreed: true });
    expect(form.controls['said'].errors).toEqual({ required: true });
  });

  it('refuses `false` for a confirmation the standard requires', () => {
    const form = buildStepForm(step);
    form.patchValue({ said: 'Tak', agreed: false });
    expect(form.controls['agreed'].errors).toEqual({ required: true });
  });

  it('requires a dependent field once the answer it depends on is given, after a refresh', () => {
    const form = buildStepForm(step);
    form.patchValue({ said: 'Tak', agreed: true });
    form.controls['answer'].setValue('no');
    refreshDependents(form, step);
    expect(form.controls['detail'].errors).toEqual({ required: true });
    form.controls['detail'].setValue('za długi tekst');
    expect(form.controls['detail'].errors?.['maxlength']).toBeTruthy();
    form.controls['detail'].setValue('krótko');
    expect(form.valid).toBe(true);
  });
});

describe('eventFor', () => {
  it("needs a kind and a time, and keeps the note within the field's limit", () => {
    const event = eventFor(step.fields[7]);
    event.controls.at.setValue('');
    expect(event.valid).toBe(false);
    event.setValue({ kind: 'shouting', at: '2026-03-02T10:05', note: 'x'.repeat(21) });
    expect(event.controls.note.errors?.['maxlength']).toBeTruthy();
    event.controls.note.setValue('Podniesiony głos');
    expect(event.valid).toBe(true);
  });
});

describe('eventFor: the time', () => {
  it('starts as now, in the input’s local form', () => {
    const now = new Date('2026-03-02T09:05:00Z');
    expect(eventFor(step.fields[7], now).controls.at.value).toBe(toDateTimeInput(now));
  });
});

describe('stepFormValue', () => {
  it('gives back what the step held, ready for the form, and round-trips through stepPayload', () => {
    const data = {
      said: 'Klient opowiedział.',
      answer: 'yes',
      agreed: true,
      extra: false,
      onDay: '2026-03-20',
      atTime: '2026-03-02T09:05:00.000Z',
      log: [{ kind: 'shouting', at: '2026-03-02T09:06:00.000Z', note: 'Podniesiony głos' }],
    };
    const form = buildStepForm(step);
    fillStepForm(form, step, stepFormValue(step, data));
    expect(form.controls['atTime'].value).toBe(toDateTimeInput('2026-03-02T09:05:00.000Z'));
    expect(form.dirty).toBe(true);
    expect(stepPayload(step, form)).toEqual(data);
  });

  it('leaves out what the data lacks', () => {
    expect(stepFormValue(step, { said: 'x' })).toEqual({ said: 'x' });
    expect(stepFormValue(step, undefined)).toEqual({});
  });
});

describe('stepPayload', () => {
  it('sends trimmed text, choices, dates and booleans, date-times as instants; leaves blanks out', () => {
    const form = buildStepForm(step);
    form.patchValue({
      said: '  Klient opowiedział.  ',
      answer: 'yes',
      detail: '   ',
      agreed: true,
      onDay: '2026-03-20',
      atTime: '2026-03-02T10:05',
    });
    expect(stepPayload(step, form)).toEqual({
      said: 'Klient opowiedział.',
      answer: 'yes',
      agreed: true,
      onDay: '2026-03-20',
      atTime: fromDateTimeInput('2026-03-02T10:05'),
    });
  });

  it('sends `false` of an optional yes/no question, but nothing when it was not answered', () => {
    const form = buildStepForm(step);
    expect(stepPayload(step, form)).not.toHaveProperty('extra');
    form.controls['extra'].setValue(false);
    expect(stepPayload(step, form)).toHaveProperty('extra', false);
  });

  it('sends each logged event with its instant, and its note only when there is one', () => {
    const form = buildStepForm(step);
    const log = form.get('log');
    if (!(log instanceof FormArray)) {
      throw new Error('the events field is a FormArray');
    }
    const first = eventFor(step.fields[7]);
    first.setValue({ kind: 'shouting', at: '2026-03-02T10:05', note: ' Podniesiony głos ' });
    const second = eventFor(step.fields[7]);
    second.setValue({ kind: 'insult', at: '2026-03-02T10:06', note: '  ' });
    log.push(first);
    log.push(second);
    expect(stepPayload(step, form)['log']).toEqual([
      { kind: 'shouting', at: fromDateTimeInput('2026-03-02T10:05'), note: 'Podniesiony głos' },
      { kind: 'insult', at: fromDateTimeInput('2026-03-02T10:06') },
    ]);
  });

  it('sends no empty incident log', () => {
    expect(stepPayload(step, buildStepForm(step))).not.toHaveProperty('log');
  });
});

describe('notBlank', () => {
  it('flags text of spaces only, not an empty field (that is `required`)', () => {
    const control = buildStepForm(step).controls['said'];
    control.setValue('  ');
    expect(notBlank(control)).toEqual({ required: true });
    control.setValue('');
    expect(notBlank(control)).toBeNull();
    control.setValue('tekst');
    expect(notBlank(control)).toBeNull();
  });
});
