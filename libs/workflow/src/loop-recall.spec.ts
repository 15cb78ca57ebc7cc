import type { CaseKind } from './case-kinds';
import { loopRecall } from './loop-recall';
import { completeStep, emptyProgress } from './progress';
import type { CaseContext, CaseProgress } from './progress-types';
import { CTX, META, SAMPLES, must } from './test-support/step-samples';
import { validateStepData } from './step-data-validation';

const polishContaining = (text: string) => expect.objectContaining({ pl: expect.stringContaining(text) }) as unknown;

function walk(kind: CaseKind, steps: string[], from = emptyProgress(kind), ctx: CaseContext = CTX): CaseProgress {
  return steps.reduce((p, id) => must(completeStep(p, id, SAMPLES[kind][id], ctx, META)).progress, from);
}

describe('loops keep every answer', () => {
  it('complaint: a "no" keeps the proposal and the answer, and the next proposal sees both', () => {
    let p = walk('complaint', ['listen', 'restate', 'regret', 'cause', 'propose']);
    const r = must(
      completeStep(p, 'satisfaction', { satisfaction: 'no', expectation: 'Przeprosin na piśmie' }, CTX, META),
    );
    expect(r.entry).toMatchObject({
      stepId: 'satisfaction',
      data: { satisfaction: 'no', expectation: 'Przeprosin na piśmie' },
    });
    expect(r.progress.earlier?.['propose']?.map((e) => e.data)).toEqual([SAMPLES.complaint['propose']]);
    expect(r.progress.earlier?.['satisfaction']).toHaveLength(1);
    expect(loopRecall('complaint', r.progress.earlier, 'propose')).toMatchObject({
      expectation: 'Przeprosin na piśmie',
      attempts: [{ data: SAMPLES.complaint['propose'] }],
    });

    p = must(completeStep(r.progress, 'propose', { proposal: 'Druga propozycja' }, CTX, META)).progress;
    p = must(
      completeStep(p, 'satisfaction', { satisfaction: 'no', expectation: 'Rozmowy z kierownikiem' }, CTX, META),
    ).progress;
    const recall = loopRecall('complaint', p.earlier, 'propose');
    expect(recall?.expectation).toBe('Rozmowy z kierownikiem');
    expect(recall?.attempts.map((e) => e.data?.['proposal'])).toEqual([
      SAMPLES.complaint['propose']['proposal'],
      'Druga propozycja',
    ]);
    expect(recall?.answers.map((e) => e.data?.['expectation'])).toEqual([
      'Przeprosin na piśmie',
      'Rozmowy z kierownikiem',
    ]);
  });

  it('office error: a fix not accepted is kept with what the client expects instead', () => {
    const p = walk('office_error', ['record', 'inform', 'apologise', 'consequences', 'fix']);
    const r = must(completeStep(p, 'accepted', { accepted: 'no', expectation: 'Zwrot gotówką' }, CTX, META));
    expect(r.loopedBackTo).toBe('fix');
    expect(loopRecall('office_error', r.progress.earlier, 'fix')).toMatchObject({
      expectation: 'Zwrot gotówką',
      attempts: [{ data: SAMPLES.office_error['fix'] }],
    });
    // The expectation stays optional: "no" alone still loops.
    expect(must(completeStep(p, 'accepted', { accepted: 'no' }, CTX, META)).loopedBackTo).toBe('fix');
  });

  it('nothing to recall before a loop, or for a step no loop returns to', () => {
    const p = walk('complaint', ['listen', 'restate', 'regret', 'cause']);
    expect(loopRecall('complaint', p.earlier, 'propose')).toBeNull();
    expect(loopRecall('refusal', {}, 'decision')).toBeNull();
  });
});

describe('a date the law fixes (computedFrom)', () => {
  const appeal = { due: '2026-03-16', rule: 'KPA art. 129 § 2, art. 57 § 1 i 4' };
  const ctx: CaseContext = { ...CTX, deadlines: { appeal } };

  it('is filled in when left out', () => {
    expect(validateStepData('refusal', 'farewell', { appealInfoGiven: true }, ctx)).toEqual({
      ok: true,
      data: { appealInfoGiven: true, appealDeadline: '2026-03-16' },
    });
    expect(validateStepData('refusal', 'farewell', { appealInfoGiven: false }, ctx)).toEqual({
      ok: true,
      data: { appealInfoGiven: false },
    });
  });

  it('is accepted as computed and refused otherwise, naming the rule', () => {
    expect(
      validateStepData('refusal', 'farewell', { appealInfoGiven: true, appealDeadline: '2026-03-16' }, ctx).ok,
    ).toBe(true);
    const r = validateStepData('refusal', 'farewell', { appealInfoGiven: true, appealDeadline: '2026-03-20' }, ctx);
    expect(r).toEqual({ ok: false, fields: { appealDeadline: [polishContaining('art. 129 § 2')] } });
    expect(JSON.stringify(r)).toContain('16.03.2026');
  });
});
