import type { CaseResponse, HistoryEntry, StepEntryResponse } from '@pu/contracts';
import {
  CASE_KINDS,
  CHANNEL_LABELS,
  COMMON_CONDUCT,
  DEFAULT_ROOT_CAUSES,
  WORKFLOWS,
  availableSteps,
  type CaseKind,
  type FieldDef,
  type FieldType,
  type StepDef,
} from '@pu/workflow';
import { formatDate, formatDateTime } from '../shared/date-time';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';
import { actorNames, displayStepData, lastDoneStep, stepViews } from './case-view-model';

// Cases are built from the real workflow definitions, with `availableSteps` worked out by @pu/workflow
// as the API does; steps and fields are picked by what they are, never by their ids.

const catalog: WorkflowCatalog = {
  kinds: CASE_KINDS,
  workflows: WORKFLOWS,
  conduct: COMMON_CONDUCT,
  channels: CHANNEL_LABELS,
  rootCauses: DEFAULT_ROOT_CAUSES,
};

let clock = Date.parse('2026-03-02T08:00:00Z');
function entry(step: StepDef, status: StepEntryResponse['status'], data?: Record<string, unknown>): StepEntryResponse {
  clock += 60_000;
  return { stepId: step.id, status, data, at: new Date(clock).toISOString(), by: 'user-1' };
}

function caseWith(kind: CaseKind, entries: StepEntryResponse[]): CaseResponse {
  const steps = Object.fromEntries(entries.map((e) => [e.stepId, e]));
  const progress = { kind, entries: steps, closed: false, lastCompleted: entries.map((e) => e.stepId) };
  return { kind, steps, availableSteps: availableSteps(progress) } as CaseResponse;
}

const complaint = WORKFLOWS.complaint;
const first = complaint.steps[0];
const settleIndex = complaint.steps.findIndex((s) => s.earlyOutcomes);
const settle = complaint.steps[settleIndex];
const earlyOutcome = settle.earlyOutcomes?.values[0] ?? '';
const optional = complaint.steps.find((s) => !s.required);
const view = (c: CaseResponse, step: StepDef) => stepViews(complaint, c).find((v) => v.step.id === step.id);

describe('stepViews', () => {
  it('lists every step of the workflow in its order', () => {
    expect(stepViews(complaint, caseWith('complaint', [])).map((v) => v.step.id)).toEqual(
      complaint.steps.map((s) => s.id),
    );
  });

  it('on a new case offers the first step and locks later required ones behind it', () => {
    const c = caseWith('complaint', []);
    expect(view(c, first)).toMatchObject({ state: 'available', earlyOnly: false, blockers: [], entry: undefined });
    const lockedStep = complaint.steps
      .slice(1)
      .find((s) => s.required && !s.earlyOutcomes && !c.availableSteps.includes(s.id));
    expect(lockedStep).toBeDefined();
    const locked = view(c, lockedStep!);
    expect(locked?.state).toBe('locked');
    expect(locked?.blockers).toContain(first.id);
  });

  it('offers the settling step early, marked as available only with an early outcome', () => {
    const settling = view(caseWith('complaint', []), settle);
    expect(settling?.state).toBe('available');
    expect(settling?.earlyOnly).toBe(true);
    expect(settling?.blockers.length).toBeGreaterThan(0);
  });

  it('shows done steps as completed or skipped, with their entries', () => {
    const done = entry(first, 'completed', {});
    const skipped = optional && optional !== first ? [entry(optional, 'skipped')] : [];
    const c = caseWith('complaint', [done, ...skipped]);
    expect(view(c, first)).toMatchObject({ state: 'completed', entry: done });
    if (optional && optional !== first) {
      expect(view(c, optional)?.state).toBe('skipped');
    }
  });

  it('waives the steps before an early outcome that were never done', () => {
    const c = caseWith('complaint', [
      entry(first, 'completed', {}),
      entry(settle, 'completed', { [settle.earlyOutcomes?.field ?? '']: earlyOutcome }),
    ]);
    const views = stepViews(complaint, c);
    expect(views[0].state).toBe('completed');
    expect(views[settleIndex].state).toBe('completed');
    for (const v of views.slice(1, settleIndex)) {
      expect(v.state).toBe('waived');
      expect(v.blockers).toEqual([]);
    }
  });
});

describe('lastDoneStep', () => {
  it('is the step done last, completed or skipped', () => {
    const a = entry(first, 'completed', {});
    const b = entry(complaint.steps[1], 'skipped');
    expect(lastDoneStep(caseWith('complaint', [b, a].reverse()))).toBe(complaint.steps[1].id);
    expect(lastDoneStep(caseWith('complaint', []))).toBeNull();
  });
});

describe('actorNames', () => {
  it('names users from the history, and from the extra list over it', () => {
    const history = [
      { actor: { id: 'u1', displayName: 'Anna Nowak' } },
      { actor: null },
      { actor: { id: 'u2', displayName: 'Jan Kowalski' } },
    ] as HistoryEntry[];
    const names = actorNames(history, [{ id: 'u2', displayName: 'Jan Kowalski (kierownik)' }]);
    expect(names.get('u1')).toBe('Anna Nowak');
    expect(names.get('u2')).toBe('Jan Kowalski (kierownik)');
    expect(actorNames(null, []).size).toBe(0);
  });
});

describe('displayStepData', () => {
  const yesNo = { yes: 'Tak', no: 'Nie' };
  const allFields = CASE_KINDS.flatMap((kind) => WORKFLOWS[kind].steps.flatMap((s) => s.fields));
  const fieldOf = (type: FieldType, extra: (f: FieldDef) => boolean = () => true): FieldDef => {
    const field = allFields.find((f) => f.type === type && extra(f));
    if (!field) {
      throw new Error(`no ${type} field in the workflows`);
    }
    return field;
  };
  const stepOf = (...fields: FieldDef[]): StepDef => ({ ...first, fields });

  it('says each recorded value in words, field by field, in the order of the step', () => {
    const text = fieldOf('text');
    const flag = fieldOf('boolean');
    const choice = fieldOf('choice', (f) => !f.optionsFrom && (f.options?.length ?? 0) > 0);
    const option = choice.options![0];
    const date = fieldOf('date');
    const moment = fieldOf('datetime');
    const at = '2026-03-02T09:30:00.000Z';
    const data = {
      [text.id]: 'Opis',
      [flag.id]: false,
      [choice.id]: option.value,
      [date.id]: '2026-03-20',
      [moment.id]: at,
    };

    expect(displayStepData(stepOf(text, flag, choice, date, moment), data, catalog, 'pl', yesNo)).toEqual([
      { label: text.label.pl, lines: ['Opis'] },
      { label: flag.label.pl, lines: ['Nie'] },
      { label: choice.label.pl, lines: [option.label.pl] },
      { label: date.label.pl, lines: [formatDate('2026-03-20', 'pl')] },
      { label: moment.label.pl, lines: [formatDateTime(at, 'pl')] },
    ]);
  });

  it("names root causes by the office's categories, and an unknown code by itself", () => {
    const cause = fieldOf('choice', (f) => f.optionsFrom === 'rootCauses');
    const [category] = DEFAULT_ROOT_CAUSES;
    expect(displayStepData(stepOf(cause), { [cause.id]: category.code }, catalog, 'en', yesNo)).toEqual([
      { label: cause.label.en, lines: [category.label.en] },
    ]);
    expect(displayStepData(stepOf(cause), { [cause.id]: 'retired_code' }, catalog, 'en', yesNo)[0].lines).toEqual([
      'retired_code',
    ]);
  });

  it('gives an incident log one line per event: time, kind and note', () => {
    const log = fieldOf('events');
    const [kind] = log.options ?? [];
    const at = '2026-03-02T09:05:00.000Z';
    const lines = displayStepData(
      stepOf(log),
      {
        [log.id]: [
          { kind: kind.value, at, note: 'Podniesiony głos' },
          { kind: kind.value, at },
        ],
      },
      catalog,
      'pl',
      yesNo,
    )[0].lines;
    expect(lines).toEqual([
      `${formatDateTime(at, 'pl')} – ${kind.label.pl}: Podniesiony głos`,
      `${formatDateTime(at, 'pl')} – ${kind.label.pl}`,
    ]);
  });

  it('leaves out fields with nothing recorded', () => {
    const text = fieldOf('text');
    const flag = fieldOf('boolean');
    expect(displayStepData(stepOf(text, flag), { [text.id]: '', [flag.id]: null }, catalog, 'pl', yesNo)).toEqual([]);
    expect(displayStepData(stepOf(text), undefined, catalog, 'pl', yesNo)).toEqual([]);
  });
});
