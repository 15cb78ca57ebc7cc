import type { CaseKind } from './case-kinds';
import { STEP_RULES } from './kinds/step-rules';
import { message } from './i18n/message';
import { isIsoInstant, isLocalDate } from './local-date';
import type { LocalizedText } from './localized-text';
import { sourceLabel } from './i18n/source-label';
import { FORM_ERROR_KEY, type CaseContext, type FieldErrors } from './progress-types';
import { workflowOf } from './workflows';
import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_LENGTH, type FieldDef, type StepDef } from './workflow-types';

export type StepDataResult = { ok: true; data: Record<string, unknown> } | { ok: false; fields: FieldErrors };

const MSG = {
  notObject: message('step.notObject'),
  unknownStep: (id: string) => message('step.unknownStep', { step: id }),
  unknownField: message('step.unknownField'),
  required: message('step.required'),
  requiredWhen: (label: LocalizedText | string, value: LocalizedText | string) =>
    message('step.requiredWhen', { label, value }),
  notText: message('step.notText'),
  controlChars: message('step.controlChars'),
  tooLong: (max: number, length: number) => message('step.tooLong', { max, length }),
  notBoolean: message('step.notBoolean'),
  mustBeTrue: message('step.mustBeTrue'),
  badChoice: message('step.badChoice'),
  badDate: message('step.badDate'),
  badDateTime: message('step.badDateTime'),
  notList: message('step.notList'),
  tooMany: (max: number) => message('step.tooMany', { max }),
  event: (i: number, detail: LocalizedText) => message('step.event', { n: i + 1, detail }),
  eventNotObject: message('step.eventNotObject'),
  eventUnknownKey: (key: string) => message('step.eventUnknownKey', { key }),
  eventKind: message('step.eventKind'),
  eventAt: message('step.eventAt'),
  notComputed: (d: { due: string; rule: string }) =>
    message('step.notComputed', { rule: { pl: sourceLabel(d.rule, 'pl'), en: sourceLabel(d.rule, 'en') }, due: d.due }),
  eventNote: (detail: LocalizedText) => message('step.eventNote', { detail }),
} as const;

// Tab and newline are legitimate in long text; other C0 controls (NUL above all) are not text and
// PostgreSQL refuses NUL in text columns.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Normalised = { value: unknown } | { absent: true } | { error: LocalizedText[] };
const ABSENT: Normalised = { absent: true };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function normaliseText(raw: unknown, max: number): Normalised {
  if (raw === undefined || raw === null) return ABSENT;
  if (typeof raw !== 'string') return { error: [MSG.notText] };
  const value = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (value === '') return ABSENT;
  if (CONTROL_CHARS.test(value)) return { error: [MSG.controlChars] };
  // Count characters as a person does, not UTF-16 code units.
  const length = [...value].length;
  if (length > max) return { error: [MSG.tooLong(max, length)] };
  return { value };
}

function choiceValues(field: FieldDef, ctx: CaseContext): readonly string[] {
  if (field.optionsFrom === 'rootCauses' && ctx.rootCauseCodes) return ctx.rootCauseCodes;
  return (field.options ?? []).map((o) => o.value);
}

function normaliseEvents(raw: unknown, field: FieldDef): Normalised {
  if (raw === undefined || raw === null) return ABSENT;
  if (!Array.isArray(raw)) return { error: [MSG.notList] };
  if (raw.length === 0) return ABSENT;
  const max = field.maxItems ?? DEFAULT_MAX_EVENTS;
  if (raw.length > max) return { error: [MSG.tooMany(max)] };
  const kinds = (field.options ?? []).map((o) => o.value);
  const errors: LocalizedText[] = [];
  const events: { kind: string; at: string; note?: string }[] = [];
  raw.forEach((item: unknown, i) => {
    if (!isPlainObject(item)) {
      errors.push(MSG.event(i, MSG.eventNotObject));
      return;
    }
    const before = errors.length;
    for (const key of Object.keys(item)) {
      if (key !== 'kind' && key !== 'at' && key !== 'note') errors.push(MSG.event(i, MSG.eventUnknownKey(key)));
    }
    const { kind, at, note } = item;
    if (typeof kind !== 'string' || !kinds.includes(kind)) errors.push(MSG.event(i, MSG.eventKind));
    if (!isIsoInstant(at)) errors.push(MSG.event(i, MSG.eventAt));
    const n = normaliseText(note, field.maxLength ?? DEFAULT_MAX_LENGTH.text);
    if ('error' in n) n.error.forEach((m) => errors.push(MSG.event(i, MSG.eventNote(m))));
    if (errors.length === before) {
      events.push({
        kind: kind as string,
        at: new Date(at as string).toISOString(),
        ...('value' in n ? { note: n.value as string } : {}),
      });
    }
  });
  if (errors.length) return { error: errors };
  // A log reads in time order whatever order the clerk typed it in; sort is stable for equal times.
  events.sort((a, b) => a.at.localeCompare(b.at));
  return { value: events };
}

function normaliseField(field: FieldDef, raw: unknown, ctx: CaseContext): Normalised {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return normaliseText(raw, field.maxLength ?? DEFAULT_MAX_LENGTH[field.type]);
    case 'boolean':
      if (raw === undefined || raw === null) return ABSENT;
      if (typeof raw !== 'boolean') return { error: [MSG.notBoolean] };
      if (field.mustBeTrue && !raw) return { error: [MSG.mustBeTrue] };
      return { value: raw };
    case 'choice':
      if (raw === undefined || raw === null || raw === '') return ABSENT;
      if (typeof raw !== 'string' || !choiceValues(field, ctx).includes(raw)) return { error: [MSG.badChoice] };
      return { value: raw };
    case 'date':
      if (raw === undefined || raw === null || raw === '') return ABSENT;
      return isLocalDate(raw) ? { value: raw } : { error: [MSG.badDate] };
    case 'datetime':
      if (raw === undefined || raw === null || raw === '') return ABSENT;
      return isIsoInstant(raw) ? { value: new Date(raw).toISOString() } : { error: [MSG.badDateTime] };
    case 'events':
      return normaliseEvents(raw, field);
  }
}

function describeValue(
  step: StepDef,
  fieldId: string,
  value: unknown,
): [LocalizedText | string, LocalizedText | string] {
  const field = step.fields.find((f) => f.id === fieldId);
  const label = field?.label ?? fieldId;
  if (typeof value === 'boolean') return [label, message(value ? 'step.yes' : 'step.no')];
  return [label, field?.options?.find((o) => o.value === value)?.label ?? String(value)];
}

function isRequired(field: FieldDef, data: Record<string, unknown>): boolean {
  if (field.required) return true;
  const when = field.requiredWhen;
  if (!when) return false;
  const other = data[when.field];
  return (typeof other === 'string' || typeof other === 'boolean') && when.in.includes(other);
}

/**
 * Checks a step's payload against its definition and returns it normalised: text trimmed and
 * NFC-normalised, blank optional fields dropped, instants in UTC ISO form, events in time order.
 * A date the law fixes (`computedFrom`, e.g. the appeal deadline) is filled in from the case's
 * deadlines when left out, and any other date is refused.
 */
export function validateStepData(kind: CaseKind, stepId: string, data: unknown, ctx: CaseContext): StepDataResult {
  const step = workflowOf(kind).steps.find((s) => s.id === stepId);
  if (!step) return { ok: false, fields: { [FORM_ERROR_KEY]: [MSG.unknownStep(stepId)] } };
  if (data === undefined || data === null) data = {};
  if (!isPlainObject(data)) return { ok: false, fields: { [FORM_ERROR_KEY]: [MSG.notObject] } };

  // A Map, because field ids come from the payload and may be '__proto__'.
  const errors = new Map<string, LocalizedText[]>();
  const add = (id: string, messages: LocalizedText[]) => {
    if (messages.length) errors.set(id, [...(errors.get(id) ?? []), ...messages]);
  };

  const known = new Set(step.fields.map((f) => f.id));
  for (const key of Object.keys(data)) if (!known.has(key)) add(key, [MSG.unknownField]);

  const out: Record<string, unknown> = {};
  for (const field of step.fields) {
    const n = normaliseField(field, data[field.id], ctx);
    if ('error' in n) add(field.id, n.error);
    else if ('value' in n) out[field.id] = n.value;
  }
  for (const field of step.fields) {
    const fixed = field.computedFrom ? ctx.deadlines?.[field.computedFrom] : undefined;
    if (!fixed || errors.has(field.id)) continue;
    if (!(field.id in out) && isRequired(field, out)) out[field.id] = fixed.due;
    else if (field.id in out && out[field.id] !== fixed.due) add(field.id, [MSG.notComputed(fixed)]);
  }
  for (const field of step.fields) {
    if (field.id in out || errors.has(field.id) || !isRequired(field, out)) continue;
    if (field.required || !field.requiredWhen) add(field.id, [MSG.required]);
    else
      add(field.id, [
        MSG.requiredWhen(...describeValue(step, field.requiredWhen.field, out[field.requiredWhen.field])),
      ]);
  }
  const rule = STEP_RULES[kind]?.[stepId];
  if (rule) for (const [id, messages] of Object.entries(rule(out, ctx))) if (!errors.has(id)) add(id, messages);

  return errors.size ? { ok: false, fields: Object.fromEntries(errors) } : { ok: true, data: out };
}
