import { CASE_KINDS, type CaseKind } from './case-kinds';
import {
  availableSteps,
  closeCase,
  completeStep,
  currentStep,
  earlyOnlySteps,
  emptyProgress,
  missingForClose,
  reopenLastStep,
  skipStep,
} from './progress';
import type { CaseContext, CaseProgress } from './progress-types';
import { CTX, META, SAMPLES, must, snapshot } from './test-support/step-samples';
import { workflowOf } from './workflows';

function walk(kind: CaseKind, steps: string[], ctx: CaseContext = CTX, from = emptyProgress(kind)): CaseProgress {
  return steps.reduce((p, id) => must(completeStep(p, id, SAMPLES[kind][id], ctx, META)).progress, from);
}

const requiredIds = (kind: CaseKind) =>
  workflowOf(kind)
    .steps.filter((s) => s.required)
    .map((s) => s.id);
const allIds = (kind: CaseKind) => workflowOf(kind).steps.map((s) => s.id);

describe('step ids follow docs/domain.md', () => {
  it.each([
    ['complaint', 'listen quiet_place restate regret cause propose satisfaction next_steps outcome', 'quiet_place'],
    ['office_error', 'record inform apologise consequences doubts fix accepted next_steps close', 'doubts'],
    ['refusal', 'decision deliver justify emotions alternative farewell', 'emotions alternative'],
    [
      'aggressive_client',
      'listen quiet_place restate conduct legal_basis resolve close',
      'quiet_place legal_basis resolve',
    ],
  ] as const)('%s', (kind, ids, optional) => {
    expect(allIds(kind)).toEqual(ids.split(' '));
    expect(
      workflowOf(kind)
        .steps.filter((s) => !s.required)
        .map((s) => s.id),
    ).toEqual(optional.split(' '));
  });
});

describe.each(CASE_KINDS)('%s: full path', (kind) => {
  it('completes every step in order and closes', () => {
    let p = emptyProgress(kind);
    for (const id of allIds(kind)) {
      expect(availableSteps(p)).toContain(id);
      p = must(completeStep(p, id, SAMPLES[kind][id], CTX, META)).progress;
      expect(p.entries[id]).toMatchObject({ stepId: id, status: 'completed', at: META.at, by: META.by });
    }
    expect(p.lastCompleted).toEqual(allIds(kind));
    expect(missingForClose(p, CTX)).toEqual([]);
    expect(currentStep(p)).toBeNull();
    const closed = must(closeCase(p, CTX)).progress;
    expect(closed.closed).toBe(true);
    expect(availableSteps(closed)).toEqual([]);
  });

  it('closes with the optional steps left out', () => {
    const p = walk(kind, requiredIds(kind));
    expect(missingForClose(p, CTX)).toEqual([]);
    expect(must(closeCase(p, CTX)).progress.closed).toBe(true);
  });

  it('closes with the optional steps skipped, keeping the reason', () => {
    let p = emptyProgress(kind);
    for (const step of workflowOf(kind).steps) {
      p = step.required
        ? must(completeStep(p, step.id, SAMPLES[kind][step.id], CTX, META)).progress
        : must(skipStep(p, step.id, '  Klient się spieszył  ', META)).progress;
    }
    const skipped = workflowOf(kind).steps.filter((s) => !s.required);
    for (const s of skipped)
      expect(p.entries[s.id]).toMatchObject({ status: 'skipped', reason: 'Klient się spieszył' });
    expect(must(closeCase(p, CTX)).progress.closed).toBe(true);
  });

  it('refuses to close an empty case, naming every required step in Polish', () => {
    const result = closeCase(emptyProgress(kind), CTX);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violation.code).toBe('INCOMPLETE');
    expect(result.violation.missingSteps).toEqual(requiredIds(kind));
    for (const id of requiredIds(kind)) {
      expect(result.violation.message).toContain(`„${workflowOf(kind).steps.find((s) => s.id === id)?.title.pl}”`);
    }
  });

  it('never mutates the progress it is given', () => {
    const p = emptyProgress(kind);
    const before = snapshot(p);
    const first = allIds(kind)[0];
    const after = must(completeStep(p, first, SAMPLES[kind][first], CTX, META)).progress;
    expect(snapshot(p)).toBe(before);
    const afterSnap = snapshot(after);
    reopenLastStep(after);
    closeCase(after, CTX);
    expect(snapshot(after)).toBe(afterSnap);
  });
});

describe('ordering', () => {
  it('offers the first step and optional steps right after the required ones before them', () => {
    const p0 = emptyProgress('complaint');
    expect(currentStep(p0)).toBe('listen');
    expect(availableSteps(p0)).toEqual(['listen', 'outcome']);
    const p1 = walk('complaint', ['listen']);
    expect(availableSteps(p1)).toEqual(['quiet_place', 'restate', 'outcome']);
    expect(currentStep(p1)).toBe('restate');
  });

  it('refuses a step whose required predecessors are not done, naming them', () => {
    const r = completeStep(emptyProgress('complaint'), 'cause', SAMPLES.complaint.cause, CTX, META);
    expect(r).toMatchObject({
      ok: false,
      violation: { code: 'STEP_NOT_AVAILABLE', missingSteps: ['listen', 'restate', 'regret'] },
    });
    if (!r.ok && 'violation' in r) expect(r.violation.message).toContain('„Wysłuchaj klienta”');
  });

  it('does not let an optional step block later ones', () => {
    const p = walk('refusal', ['decision', 'deliver', 'justify', 'farewell']);
    expect(p.entries['farewell']).toBeDefined();
    expect(availableSteps(p)).toEqual(['emotions', 'alternative']);
    expect(currentStep(p)).toBe('emotions');
  });

  it('refuses to complete a step twice', () => {
    const p = walk('refusal', ['decision']);
    expect(completeStep(p, 'decision', SAMPLES.refusal.decision, CTX, META)).toMatchObject({
      ok: false,
      violation: { code: 'STEP_ALREADY_DONE' },
    });
  });

  it('rejects unknown steps, including prototype names', () => {
    for (const id of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(completeStep(emptyProgress('complaint'), id, {}, CTX, META)).toMatchObject({
        ok: false,
        violation: { code: 'UNKNOWN_STEP' },
      });
      expect(skipStep(emptyProgress('complaint'), id, 'x', META)).toMatchObject({
        ok: false,
        violation: { code: 'UNKNOWN_STEP' },
      });
    }
  });

  it('returns field errors for invalid data and leaves progress unchanged', () => {
    const p = emptyProgress('complaint');
    const r = completeStep(p, 'listen', { account: '', extra: 1 }, CTX, META);
    expect(r).toEqual({ ok: false, fields: { extra: [expect.any(String)], account: [expect.any(String)] } });
  });
});

describe('follow-up promises', () => {
  const upToNextSteps = ['listen', 'restate', 'regret', 'cause', 'propose', 'satisfaction'];

  it('blocks a step that needs a promise until the case has one', () => {
    const p = walk('complaint', upToNextSteps);
    const none = { ...CTX, promiseCount: 0 };
    const r = completeStep(p, 'next_steps', SAMPLES.complaint.next_steps, none, META);
    expect(r).toMatchObject({ ok: false, violation: { code: 'PROMISE_REQUIRED' } });
    if (!r.ok && 'violation' in r) expect(r.violation.message).toContain('„Poinformuj o kolejnych krokach”');
    expect(completeStep(p, 'next_steps', SAMPLES.complaint.next_steps, CTX, META).ok).toBe(true);
  });

  it('applies to office error next_steps and to the optional aggressive-client resolve', () => {
    const none = { ...CTX, promiseCount: 0 };
    const oe = walk('office_error', ['record', 'inform', 'apologise', 'consequences', 'fix', 'accepted']);
    expect(completeStep(oe, 'next_steps', SAMPLES.office_error.next_steps, none, META)).toMatchObject({
      ok: false,
      violation: { code: 'PROMISE_REQUIRED' },
    });
    const ac = walk('aggressive_client', ['listen', 'restate', 'conduct']);
    expect(completeStep(ac, 'resolve', SAMPLES.aggressive_client.resolve, none, META)).toMatchObject({
      ok: false,
      violation: { code: 'PROMISE_REQUIRED' },
    });
  });

  it('counts a promised step as missing for close when the promise has since gone', () => {
    const p = walk('complaint', requiredIds('complaint'));
    const none = { ...CTX, promiseCount: 0 };
    expect(missingForClose(p, none)).toEqual(['next_steps']);
    const r = closeCase(p, none);
    expect(r).toMatchObject({ ok: false, violation: { code: 'INCOMPLETE', missingSteps: ['next_steps'] } });
    if (!r.ok) expect(r.violation.message).toContain('wymaga obietnicy');
  });
});

describe('loops', () => {
  const upToSatisfaction = ['listen', 'restate', 'regret', 'cause', 'propose'];

  it('complaint: satisfaction "no" reopens propose and satisfaction', () => {
    const p = walk('complaint', upToSatisfaction);
    const r = must(
      completeStep(p, 'satisfaction', { satisfaction: 'no', expectation: 'Przeprosin na piśmie' }, CTX, META),
    );
    expect(r.loopedBackTo).toBe('propose');
    expect(Object.keys(r.progress.entries)).toEqual(['listen', 'restate', 'regret', 'cause']);
    expect(r.progress.lastCompleted).toEqual(['listen', 'restate', 'regret', 'cause']);
    expect(currentStep(r.progress)).toBe('propose');
    const again = walk('complaint', ['propose', 'satisfaction', 'next_steps', 'outcome'], CTX, r.progress);
    expect(must(closeCase(again, CTX)).progress.closed).toBe(true);
  });

  it('complaint: "partly" needs the expectation but does not loop', () => {
    const p = walk('complaint', upToSatisfaction);
    expect(completeStep(p, 'satisfaction', { satisfaction: 'partly' }, CTX, META)).toMatchObject({
      ok: false,
      fields: { expectation: [expect.stringContaining('Częściowo')] },
    });
    const r = must(completeStep(p, 'satisfaction', { satisfaction: 'partly', expectation: 'Szybciej' }, CTX, META));
    expect(r.loopedBackTo).toBeUndefined();
    expect(r.progress.entries['satisfaction']).toBeDefined();
  });

  it('complaint: "no" keeps the steps before the loop target, optional ones included', () => {
    const p = walk('complaint', ['listen', 'quiet_place', 'restate', 'regret', 'cause', 'propose']);
    const r = must(completeStep(p, 'satisfaction', { satisfaction: 'no', expectation: 'x' }, CTX, META));
    expect(r.progress.entries['quiet_place']).toBeDefined();
    expect(r.progress.entries['propose']).toBeUndefined();
  });

  it('office error: accepted "no" reopens fix; the loop can repeat', () => {
    let p = walk('office_error', ['record', 'inform', 'apologise', 'consequences', 'doubts', 'fix']);
    for (let i = 0; i < 3; i++) {
      const r = must(completeStep(p, 'accepted', { accepted: 'no' }, CTX, META));
      expect(r.loopedBackTo).toBe('fix');
      expect(r.progress.entries['fix']).toBeUndefined();
      expect(r.progress.entries['doubts']).toBeDefined();
      expect(currentStep(r.progress)).toBe('fix');
      p = walk('office_error', ['fix'], CTX, r.progress);
    }
    p = walk('office_error', ['accepted', 'next_steps', 'close'], CTX, p);
    expect(must(closeCase(p, CTX)).progress.closed).toBe(true);
  });

  it('aggressive client: resolve records dissatisfaction without looping', () => {
    const p = walk('aggressive_client', ['listen', 'restate', 'conduct']);
    const r = must(
      completeStep(p, 'resolve', { proposal: 'a', satisfaction: 'no', expectation: 'b', steps: 'c' }, CTX, META),
    );
    expect(r.loopedBackTo).toBeUndefined();
    expect(workflowOf('aggressive_client').steps.some((s) => s.loop)).toBe(false);
  });
});

describe('skip', () => {
  it('only optional steps, with a non-blank reason', () => {
    const p = walk('complaint', ['listen']);
    expect(skipStep(p, 'restate', 'x', META)).toMatchObject({ ok: false, violation: { code: 'STEP_NOT_OPTIONAL' } });
    expect(skipStep(p, 'quiet_place', '   ', META)).toMatchObject({
      ok: false,
      fields: { reason: [expect.any(String)] },
    });
    expect(skipStep(p, 'quiet_place', 'x'.repeat(2001), META)).toMatchObject({
      ok: false,
      fields: { reason: [expect.any(String)] },
    });
    expect(skipStep(p, 'quiet_place', 'Brak wolnej sali', META).ok).toBe(true);
  });

  it('not before the required steps ahead of it', () => {
    expect(skipStep(emptyProgress('complaint'), 'quiet_place', 'x', META)).toMatchObject({
      ok: false,
      violation: { code: 'STEP_NOT_AVAILABLE', missingSteps: ['listen'] },
    });
  });

  it('not twice, and not on a closed case', () => {
    const p = must(skipStep(walk('complaint', ['listen']), 'quiet_place', 'x', META)).progress;
    expect(skipStep(p, 'quiet_place', 'x', META)).toMatchObject({
      ok: false,
      violation: { code: 'STEP_ALREADY_DONE' },
    });
    const closed = must(closeCase(walk('refusal', requiredIds('refusal')), CTX)).progress;
    expect(skipStep(closed, 'emotions', 'x', META)).toMatchObject({ ok: false, violation: { code: 'CASE_CLOSED' } });
  });
});

describe('reopen', () => {
  it('undoes the last completed or skipped step only', () => {
    let p = walk('complaint', ['listen']);
    p = must(skipStep(p, 'quiet_place', 'x', META)).progress;
    p = walk('complaint', ['restate'], CTX, p);
    expect(reopenLastStep(p, 'listen')).toMatchObject({ ok: false, violation: { code: 'NOT_LAST_COMPLETED' } });
    const r1 = must(reopenLastStep(p, 'restate'));
    expect(r1.reopened).toBe('restate');
    expect(r1.progress.entries['restate']).toBeUndefined();
    const r2 = must(reopenLastStep(r1.progress));
    expect(r2.reopened).toBe('quiet_place');
    const r3 = must(reopenLastStep(r2.progress));
    expect(r3.progress).toEqual({ ...emptyProgress('complaint'), reopened: expect.any(Object) });
    expect(reopenLastStep(r3.progress)).toMatchObject({ ok: false, violation: { code: 'NOTHING_TO_REOPEN' } });
  });

  it('names the step that can be reopened', () => {
    const p = walk('refusal', ['decision', 'deliver']);
    const r = reopenLastStep(p, 'decision');
    if (r.ok) throw new Error('expected a violation');
    expect(r.violation.message).toContain('„Przekaż decyzję odmowną”');
    expect(reopenLastStep(p, 'nope')).toMatchObject({ ok: false, violation: { code: 'UNKNOWN_STEP' } });
  });

  it('then lets the step be completed again with new data', () => {
    const p = must(reopenLastStep(walk('refusal', ['decision']))).progress;
    const again = must(completeStep(p, 'decision', { decisionReference: 'X.1', scope: 'Inny zakres' }, CTX, META));
    expect(again.progress.entries['decision']?.data).toEqual({ decisionReference: 'X.1', scope: 'Inny zakres' });
  });

  it('keeps what the reopened step held until the step is done again', () => {
    const done = walk('refusal', ['decision']);
    const p = must(reopenLastStep(done)).progress;
    expect(p.reopened?.['decision']).toEqual(done.entries['decision']);
    const again = must(completeStep(p, 'decision', SAMPLES.refusal['decision'], CTX, META)).progress;
    expect(again.reopened).toEqual({});
  });

  it('keeps a reopened skip too, and drops it once the step is skipped again', () => {
    const skipped = must(skipStep(walk('complaint', ['listen']), 'quiet_place', 'Brak sali', META)).progress;
    const p = must(reopenLastStep(skipped)).progress;
    expect(p.reopened?.['quiet_place']).toMatchObject({ status: 'skipped', reason: 'Brak sali' });
    expect(must(skipStep(p, 'quiet_place', 'Nadal brak', META)).progress.reopened).toEqual({});
  });
});

describe('closed case', () => {
  it('accepts nothing', () => {
    const closed = must(closeCase(walk('refusal', requiredIds('refusal')), CTX)).progress;
    const before = snapshot(closed);
    expect(completeStep(closed, 'emotions', SAMPLES.refusal.emotions, CTX, META)).toMatchObject({
      ok: false,
      violation: { code: 'CASE_CLOSED' },
    });
    expect(reopenLastStep(closed)).toMatchObject({ ok: false, violation: { code: 'CASE_CLOSED' } });
    expect(closeCase(closed, CTX)).toMatchObject({ ok: false, violation: { code: 'CASE_CLOSED' } });
    expect(currentStep(closed)).toBeNull();
    expect(snapshot(closed)).toBe(before);
  });
});

describe('complaint early outcomes', () => {
  const forwarded = {
    outcome: 'forwarded',
    summary: 'Sprawa należy do starosty.',
    replySentAt: '2026-03-04',
    replyChannel: 'letter',
    forwardedTo: 'Starosta Iławski',
  };

  it('offers the outcome step from the start, but only with an early value', () => {
    const p = emptyProgress('complaint');
    expect(earlyOnlySteps(p)).toEqual(['outcome']);
    const r = completeStep(p, 'outcome', SAMPLES.complaint.outcome, CTX, META);
    expect(r).toMatchObject({ ok: false, violation: { code: 'STEP_NOT_AVAILABLE' } });
    if (!r.ok && 'violation' in r) expect(r.violation.message).toContain('Przekazana organowi właściwemu');
  });

  it('forwarded: closes without any conversation step', () => {
    const p = must(completeStep(emptyProgress('complaint'), 'outcome', forwarded, CTX, META)).progress;
    expect(missingForClose(p, CTX)).toEqual([]);
    expect(availableSteps(p)).toEqual([]);
    expect(currentStep(p)).toBeNull();
    expect(must(closeCase(p, CTX)).progress.closed).toBe(true);
  });

  it('forwarded needs the body it went to', () => {
    const { forwardedTo: _omit, ...withoutBody } = forwarded;
    expect(completeStep(emptyProgress('complaint'), 'outcome', withoutBody, CTX, META)).toMatchObject({
      ok: false,
      fields: { forwardedTo: [expect.any(String)] },
    });
  });

  it('after some conversation, waives the rest and refuses the waived steps', () => {
    let p = walk('complaint', ['listen', 'restate']);
    p = must(completeStep(p, 'outcome', forwarded, CTX, META)).progress;
    expect(missingForClose(p, CTX)).toEqual([]);
    expect(completeStep(p, 'regret', SAMPLES.complaint.regret, CTX, META)).toMatchObject({
      ok: false,
      violation: { code: 'STEP_NOT_AVAILABLE', message: expect.stringContaining('„Rozstrzygnij skargę”') },
    });
    // Reopening the early outcome brings the conversation steps back.
    const reopened = must(reopenLastStep(p)).progress;
    expect(missingForClose(reopened, CTX)).toEqual([
      'regret',
      'cause',
      'propose',
      'satisfaction',
      'next_steps',
      'outcome',
    ]);
    expect(currentStep(reopened)).toBe('regret');
  });

  it('anonymous: only "left without consideration", needing no reply', () => {
    const anon = { ...CTX, anonymous: true };
    const p = emptyProgress('complaint');
    expect(completeStep(p, 'outcome', forwarded, anon, META)).toMatchObject({
      ok: false,
      fields: { outcome: [expect.stringContaining('anonimowa')] },
    });
    const left = { outcome: 'left_without_consideration', summary: 'Skarga anonimowa.' };
    const done = must(completeStep(p, 'outcome', left, anon, META)).progress;
    expect(must(closeCase(done, anon)).progress.closed).toBe(true);
    // Even at the end of a full conversation an anonymous complaint cannot be found justified.
    const full = walk('complaint', requiredIds('complaint').slice(0, -1), anon);
    expect(completeStep(full, 'outcome', SAMPLES.complaint.outcome, anon, META)).toMatchObject({
      ok: false,
      fields: { outcome: [expect.any(String)] },
    });
  });

  it('position maintained only for a repeated complaint (art. 239)', () => {
    const data = { outcome: 'position_maintained', summary: 'Brak nowych okoliczności.' };
    expect(completeStep(emptyProgress('complaint'), 'outcome', data, CTX, META)).toMatchObject({
      ok: false,
      fields: { outcome: [expect.stringContaining('239')] },
    });
    const repeat = { ...CTX, repeatOfCaseId: 'case-41' };
    const p = must(completeStep(emptyProgress('complaint'), 'outcome', data, repeat, META)).progress;
    expect(must(closeCase(p, repeat)).progress.closed).toBe(true);
  });

  it('a non-early outcome at its normal turn still needs a reply date and channel', () => {
    const p = walk('complaint', requiredIds('complaint').slice(0, -1));
    expect(completeStep(p, 'outcome', { outcome: 'unjustified', summary: 'x' }, CTX, META)).toMatchObject({
      ok: false,
      fields: { replySentAt: [expect.any(String)], replyChannel: [expect.any(String)] },
    });
  });
});
