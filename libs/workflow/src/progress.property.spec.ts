import fc from 'fast-check';
import { CASE_KINDS, type CaseKind } from './case-kinds';
import { EARLY_COMPLAINT_OUTCOMES } from './enums';
import {
  availableSteps,
  closeCase,
  completeStep,
  currentStep,
  emptyProgress,
  missingForClose,
  reopenLastStep,
  skipStep,
} from './progress';
import type { CaseContext, CaseProgress } from './progress-types';
import { META, SAMPLES } from './test-support/step-samples';
import { workflowOf } from './workflows';
import type { FieldDef } from './workflow-types';

// Random sequences of everything a clerk (or a buggy client) can do to a case, checked against
// an oracle written independently of progress.ts.

type Action =
  | {
      type: 'complete';
      pick: 'current' | 'available' | 'any';
      index: number;
      variant: 'sample' | 'generated' | 'invalid';
      seed: number;
    }
  | { type: 'skip'; index: number; reason: string }
  | { type: 'reopen'; named: boolean; index: number }
  | { type: 'addPromise' }
  | { type: 'removePromise' }
  | { type: 'close' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  // Mostly the clerk doing the next thing right, so runs get far enough to loop and close.
  {
    arbitrary: fc.record({
      type: fc.constant('complete' as const),
      pick: fc.constant('current' as const),
      index: fc.nat(20),
      variant: fc.constantFrom('sample' as const, 'generated' as const),
      seed: fc.nat(10),
    }),
    weight: 10,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('complete' as const),
      pick: fc.constantFrom('current' as const, 'available' as const, 'any' as const),
      index: fc.nat(20),
      variant: fc.constantFrom('sample' as const, 'generated' as const, 'invalid' as const),
      seed: fc.nat(10),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('skip' as const),
      index: fc.nat(20),
      reason: fc.constantFrom('', '   ', 'Klient odmówił'),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ type: fc.constant('reopen' as const), named: fc.boolean(), index: fc.nat(20) }), weight: 2 },
  { arbitrary: fc.constant({ type: 'addPromise' as const }), weight: 2 },
  { arbitrary: fc.constant({ type: 'removePromise' as const }), weight: 1 },
  { arbitrary: fc.constant({ type: 'close' as const }), weight: 2 },
);

const ctxArb = fc.record({
  anonymous: fc.boolean(),
  repeatOfCaseId: fc.option(fc.constant('case-1')),
  promiseCount: fc.nat(1),
});

/** Valid-looking data for any step, choosing among options by seed (so loops and early outcomes happen). */
function generated(kind: CaseKind, stepId: string, seed: number): Record<string, unknown> {
  const step = workflowOf(kind).steps.find((s) => s.id === stepId);
  const data: Record<string, unknown> = {};
  const valueOf = (f: FieldDef): unknown => {
    switch (f.type) {
      case 'text':
      case 'longtext':
        return `Tekst ${seed}`;
      case 'boolean':
        return f.mustBeTrue ? true : seed % 2 === 0;
      case 'choice': {
        const options = f.options ?? [];
        return options[seed % options.length]?.value;
      }
      case 'date':
        return '2026-03-16';
      case 'datetime':
        return '2026-03-02T10:00:00+01:00';
      case 'events': {
        const options = f.options ?? [];
        return [{ kind: options[seed % options.length]?.value, at: '2026-03-02T10:00:00+01:00', note: 'x' }];
      }
    }
  };
  for (const f of step?.fields ?? []) data[f.id] = valueOf(f);
  return data;
}

function invalid(kind: CaseKind, stepId: string, seed: number): unknown {
  const sample = SAMPLES[kind][stepId] ?? {};
  const variants: unknown[] = [
    {},
    { ...sample, bogus: 1 },
    'not an object',
    Object.fromEntries(Object.keys(sample).map((k) => [k, 12345])),
  ];
  return variants[seed % variants.length];
}

// ---- Oracle -------------------------------------------------------------------------------------

function hasEarlyOutcome(p: CaseProgress): boolean {
  const outcome = p.entries['outcome'];
  return (
    p.kind === 'complaint' &&
    outcome?.status === 'completed' &&
    (EARLY_COMPLAINT_OUTCOMES as readonly unknown[]).includes(outcome.data?.['outcome'])
  );
}

function oracleClosable(p: CaseProgress, ctx: CaseContext): boolean {
  const steps = workflowOf(p.kind).steps;
  const early = hasEarlyOutcome(p);
  const requiredDone = steps.every((s) => !s.required || Object.hasOwn(p.entries, s.id) || early);
  const promisesOk =
    ctx.promiseCount >= 1 || !steps.some((s) => s.needsPromise && p.entries[s.id]?.status === 'completed');
  return requiredDone && promisesOk;
}

function checkStructure(p: CaseProgress): void {
  const steps = workflowOf(p.kind).steps;
  const ids = steps.map((s) => s.id);
  expect(new Set(p.lastCompleted).size).toBe(p.lastCompleted.length);
  expect([...p.lastCompleted].sort()).toEqual(Object.keys(p.entries).sort());
  for (const [id, e] of Object.entries(p.entries)) {
    expect(ids).toContain(id);
    expect(e.stepId).toBe(id);
    if (e.status === 'skipped') {
      expect(steps.find((s) => s.id === id)?.required).toBe(false);
      expect(e.reason?.trim()).toBeTruthy();
    }
    // Ordering: every required step before a recorded one is recorded, unless an early outcome waived it.
    const isEarly = id === 'outcome' && hasEarlyOutcome(p);
    if (!isEarly && !hasEarlyOutcome(p)) {
      for (const before of steps.slice(0, ids.indexOf(id))) {
        if (before.required) expect(Object.hasOwn(p.entries, before.id)).toBe(true);
      }
    }
  }
}

// ---- Property -----------------------------------------------------------------------------------

describe('progress under random action sequences', () => {
  it('never closes an incomplete case, and a closed case never changes', () => {
    let closes = 0;
    let loops = 0;
    let earlyCloses = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_KINDS),
        ctxArb,
        fc.array(actionArb, { maxLength: 80, size: 'max' }),
        (kind, ctx0, actions) => {
          let p = emptyProgress(kind);
          let ctx: CaseContext = { ...ctx0 };
          const ids = workflowOf(kind).steps.map((s) => s.id);
          for (const a of actions) {
            const before = JSON.stringify(p);
            const wasClosed = p.closed;
            let next: CaseProgress | null = null;

            switch (a.type) {
              case 'addPromise':
                ctx = { ...ctx, promiseCount: ctx.promiseCount + 1 };
                break;
              case 'removePromise':
                ctx = { ...ctx, promiseCount: Math.max(0, ctx.promiseCount - 1) };
                break;
              case 'complete': {
                const avail = availableSteps(p);
                const pool =
                  a.pick === 'current'
                    ? [currentStep(p) ?? 'bogus']
                    : a.pick === 'available' && avail.length
                      ? avail
                      : [...ids, 'bogus'];
                const stepId = pool[a.index % pool.length];
                const data =
                  a.variant === 'sample'
                    ? SAMPLES[kind][stepId]
                    : a.variant === 'generated'
                      ? generated(kind, stepId, a.seed)
                      : invalid(kind, stepId, a.seed);
                const r = completeStep(p, stepId, data, ctx, META);
                if (r.ok) {
                  next = r.progress;
                  if (r.loopedBackTo) loops++;
                }
                break;
              }
              case 'skip': {
                const stepId = [...ids, 'bogus'][a.index % (ids.length + 1)];
                const r = skipStep(p, stepId, a.reason, META);
                if (r.ok) next = r.progress;
                break;
              }
              case 'reopen': {
                const r = reopenLastStep(p, a.named ? [...ids, 'bogus'][a.index % (ids.length + 1)] : undefined);
                if (r.ok) next = r.progress;
                break;
              }
              case 'close': {
                const missing = missingForClose(p, ctx);
                const r = closeCase(p, ctx);
                if (!wasClosed) {
                  expect(r.ok).toBe(oracleClosable(p, ctx));
                  expect(r.ok).toBe(missing.length === 0);
                }
                if (r.ok) {
                  expect(missing).toEqual([]);
                  expect(r.progress.closed).toBe(true);
                  closes++;
                  if (hasEarlyOutcome(p)) earlyCloses++;
                  next = r.progress;
                } else if (!wasClosed) {
                  expect(r.violation.code).toBe('INCOMPLETE');
                  expect(r.violation.missingSteps).toEqual(missing);
                }
                break;
              }
            }

            // Inputs are never mutated, whatever happened.
            expect(JSON.stringify(p)).toBe(before);
            if (wasClosed) {
              expect(next).toBeNull();
              expect(availableSteps(p)).toEqual([]);
            }
            if (next) {
              checkStructure(next);
              p = next;
            }
          }
        },
      ),
      { numRuns: 250 },
    );
    // The property is only meaningful if the runs reach the interesting states.
    expect(closes).toBeGreaterThan(20);
    expect(loops).toBeGreaterThan(5);
    expect(earlyCloses).toBeGreaterThan(0);
  });
});
