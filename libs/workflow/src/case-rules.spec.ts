import { closingOutcome } from './case-outcome';
import { caseEventAt, clientChangeErrors, isAnonymousCase, newCaseErrors } from './case-rules';
import { computeDeadlines } from './calendar/case-deadlines';
import { deadlineExtensionErrors } from './calendar/deadline-extension-day';
import { repeatComplaintError } from './kinds/complaint.rules';
import { COMPLAINT_FACTS } from './kinds/complaint.workflow';
import { OFFICE_ERROR_FACTS } from './kinds/office-error.workflow';
import { REFUSAL_FACTS } from './kinds/refusal.workflow';
import { completeStep, emptyProgress, stepStatuses } from './progress';
import { workflowOf } from './workflows';
import type { CaseKind } from './case-kinds';
import type { CaseProgress } from './progress-types';
import { formatReference, referencePieces } from './reference-number';
import { CTX, META, SAMPLES, must } from './test-support/step-samples';

const polishContaining = (text: string) => expect.objectContaining({ pl: expect.stringContaining(text) }) as unknown;

const walk = (kind: CaseKind, steps: string[]): CaseProgress =>
  steps.reduce((p, id) => must(completeStep(p, id, SAMPLES[kind][id], CTX, META)).progress, emptyProgress(kind));
const NOW = new Date('2026-03-02T12:00:00Z');

describe('registering a case', () => {
  it('an office error needs its discovery time; only a complaint may be anonymous', () => {
    expect(newCaseErrors({ kind: 'office_error', client: { name: 'A' } }, NOW)).toEqual({
      discoveredAt: [polishContaining('stwierdzono pomyłkę')],
    });
    expect(newCaseErrors({ kind: 'refusal', client: { name: ' ', address: null } }, NOW)).toHaveProperty([
      'client.name',
    ]);
    expect(newCaseErrors({ kind: 'complaint', client: {} }, NOW)).toEqual({});
    expect(isAnonymousCase('complaint', { name: null, address: '' })).toBe(true);
    expect(isAnonymousCase('refusal', {})).toBe(false);
  });

  it('refuses a received time in the future beyond clock drift', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
    expect(newCaseErrors({ kind: 'complaint', client: {}, receivedAt: at(4 * 60_000) }, NOW)).toEqual({});
    expect(newCaseErrors({ kind: 'complaint', client: {}, receivedAt: at(6 * 60_000) }, NOW)).toHaveProperty(
      'receivedAt',
    );
  });

  it('takes the event of the kind, or the received time', () => {
    const receivedAt = NOW;
    expect(caseEventAt('complaint', { receivedAt, discoveredAt: '2026-03-01T10:00:00Z' })).toBeNull();
    expect(caseEventAt('office_error', { receivedAt, discoveredAt: '2026-03-01T10:00:00Z' })).toEqual(
      new Date('2026-03-01T10:00:00Z'),
    );
    expect(caseEventAt('aggressive_client', { receivedAt })).toEqual(NOW);
  });

  it("freezes a complaint's anonymity once its outcome is recorded", () => {
    const open = walk('complaint', ['listen']);
    const settled = must(
      completeStep(
        emptyProgress('complaint'),
        'outcome',
        { outcome: 'left_without_consideration', summary: 'x' },
        CTX,
        META,
      ),
    ).progress;
    expect(clientChangeErrors('complaint', open, {}, { name: 'Jan' })).toEqual({});
    expect(clientChangeErrors('complaint', settled, {}, { name: 'Jan' })).toHaveProperty('client');
    expect(clientChangeErrors('complaint', settled, { name: 'A' }, { name: 'B' })).toEqual({});
    expect(clientChangeErrors('office_error', open, { name: 'A' }, { name: null })).toHaveProperty(['client.name']);
  });
});

describe('KPA art. 239: a repeated complaint', () => {
  const original = { kind: 'complaint' as const, outcome: 'unjustified', receivedAt: new Date('2026-01-10T10:00:00Z') };
  it('repeats an earlier complaint found unfounded', () => {
    expect(repeatComplaintError('complaint', original, NOW)).toBeNull();
    expect(repeatComplaintError('refusal', original, NOW)?.pl).toContain('tylko skargę');
    expect(repeatComplaintError('complaint', null, NOW)?.pl).toContain('Nie znaleziono');
    expect(repeatComplaintError('complaint', { ...original, kind: 'refusal' }, NOW)?.pl).toContain('nie jest skargą');
    expect(repeatComplaintError('complaint', original, new Date('2026-01-01'))?.pl).toContain('wcześniej');
    expect(repeatComplaintError('complaint', { ...original, outcome: 'justified' }, NOW)?.pl).toContain('bezzasadną');
  });
});

describe('facts read by meaning', () => {
  it('reads what the steps recorded', () => {
    const c = walk('complaint', ['listen', 'restate', 'regret', 'cause', 'propose', 'satisfaction']);
    expect(COMPLAINT_FACTS.rootCause(c)).toBe('waiting_time');
    expect(COMPLAINT_FACTS.satisfaction(c)).toBe('yes');
    expect(COMPLAINT_FACTS.outcome(c)).toBeNull();
    expect(closingOutcome('complaint', c)).toBe('settled');
    const oe = walk('office_error', ['record', 'inform']);
    expect(OFFICE_ERROR_FACTS.informedAt(oe)).toEqual(new Date('2026-03-02T10:00:00+01:00'));
    expect(closingOutcome('aggressive_client', emptyProgress('aggressive_client'))).toBe('not_handled');
  });

  it('a refusal carries the appeal date from delivery, nothing else', () => {
    const p = walk('refusal', ['decision', 'deliver']);
    expect(REFUSAL_FACTS.deliveredAt(p)).toEqual(new Date('2026-03-02T11:00:00+01:00'));
    const d = computeDeadlines({
      kind: 'refusal',
      receivedAt: NOW,
      eventAt: null,
      isCouncillor: false,
      progress: p,
      officeErrorInformWorkingDays: 1,
    });
    expect(d.main).toBeNull();
    expect(d.appeal?.due).toBe('2026-03-16');
    expect(
      computeDeadlines({
        kind: 'refusal',
        receivedAt: NOW,
        eventAt: null,
        isCouncillor: false,
        officeErrorInformWorkingDays: 1,
      }).appeal,
    ).toBeUndefined();
  });

  it('an extension moves the main date and says so (KPA art. 36)', () => {
    const facts = {
      kind: 'complaint' as const,
      receivedAt: NOW,
      eventAt: null,
      isCouncillor: true,
      officeErrorInformWorkingDays: 1,
    };
    const first = computeDeadlines(facts);
    expect(first.councillorReply).toBeDefined();
    const ext = {
      previousDue: first.main?.due ?? '',
      newDue: '2026-04-20',
      reason: 'r',
      clientToldAt: NOW.toISOString(),
      by: { id: 'u', displayName: 'U' },
      at: NOW.toISOString(),
    };
    const moved = computeDeadlines(facts, { ...first, extensions: [ext] });
    expect(moved.main?.due).toBe('2026-04-20');
    expect(moved.main?.explanation.pl).toContain('art. 36 KPA');
  });
});

describe('deadline extension', () => {
  it('must land on a working day', () => {
    const ok = { currentDue: '2026-04-02', newDue: '2026-04-10', reason: 'r', clientToldAt: '2026-03-01T10:00:00Z' };
    expect(deadlineExtensionErrors(ok, NOW)).toBeNull();
    expect(deadlineExtensionErrors({ ...ok, newDue: '2026-04-11' }, NOW)).toEqual({
      newDue: [polishContaining('dzień roboczy')],
    });
  });
});

describe('reference pieces', () => {
  it('joined with the number give the formatted reference', () => {
    const v = { department: 'OR', jrwa: '1510', year: 2026 };
    expect(referencePieces('{department}.{jrwa}.{n}.{yyyy}', v)).toEqual(['OR.1510.', '.2026']);
    expect(referencePieces('{department}.{jrwa}.{n}.{yyyy}', v).join('12')).toBe(
      formatReference('{department}.{jrwa}.{n}.{yyyy}', { ...v, n: 12 }),
    );
    expect(referencePieces('{n}/{department}/{n}/{yyyy}', v)).toEqual(['', '/OR/', '/2026']);
  });
});

describe('step statuses (the SPA step list)', () => {
  it('waives the conversation before an early outcome and names what blocks a step', () => {
    const fresh = stepStatuses(emptyProgress('complaint'));
    expect(fresh.find((s) => s.stepId === 'regret')).toEqual({
      stepId: 'regret',
      waived: false,
      blockers: ['listen', 'restate'],
    });
    const forwarded = must(
      completeStep(
        emptyProgress('complaint'),
        'outcome',
        {
          outcome: 'forwarded',
          summary: 'x',
          forwardedTo: 'Wojewoda',
          replySentAt: '2026-03-02',
          replyChannel: 'letter',
        },
        CTX,
        META,
      ),
    ).progress;
    const statuses = stepStatuses(forwarded);
    expect(statuses.filter((s) => s.waived).map((s) => s.stepId)).toEqual(allBefore('complaint', 'outcome'));
  });
});

function allBefore(kind: CaseKind, stepId: string): string[] {
  const ids = workflowOf(kind).steps.map((s) => s.id);
  return ids.slice(0, ids.indexOf(stepId));
}
