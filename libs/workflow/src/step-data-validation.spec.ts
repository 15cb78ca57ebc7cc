import { CASE_KINDS } from './case-kinds';
import { FORM_ERROR_KEY } from './progress-types';
import { validateStepData } from './step-data-validation';
import { CTX, SAMPLES } from './test-support/step-samples';
import { workflowOf } from './workflows';

// The Polish of each message (every message has both languages; messages.en.ts is checked against the keys).
const errorsOf = (r: ReturnType<typeof validateStepData>) =>
  r.ok ? {} : Object.fromEntries(Object.entries(r.fields).map(([field, list]) => [field, list.map((m) => m.pl)]));

describe('validateStepData', () => {
  it.each(CASE_KINDS.flatMap((k) => workflowOf(k).steps.map((s) => [k, s.id] as const)))(
    'accepts the sample data of %s/%s',
    (kind, stepId) => {
      expect(validateStepData(kind, stepId, SAMPLES[kind][stepId], CTX)).toMatchObject({ ok: true });
    },
  );

  it('rejects a payload that is not an object', () => {
    for (const bad of ['x', 3, [], [{}], new Date()]) {
      expect(errorsOf(validateStepData('complaint', 'listen', bad, CTX))).toEqual({
        [FORM_ERROR_KEY]: [expect.any(String)],
      });
    }
  });

  it('treats a missing payload as empty (so required fields are reported)', () => {
    expect(errorsOf(validateStepData('complaint', 'listen', undefined, CTX))).toEqual({
      account: ['To pole jest wymagane.'],
    });
  });

  it('reports an unknown step', () => {
    expect(errorsOf(validateStepData('complaint', 'fix', {}, CTX))).toEqual({
      [FORM_ERROR_KEY]: [expect.stringContaining('fix')],
    });
  });

  it('rejects unknown fields, including prototype keys', () => {
    const data = JSON.parse('{"account":"ok","__proto__":{"x":1},"foo":1}') as unknown;
    const e = errorsOf(validateStepData('complaint', 'listen', data, CTX));
    expect(Object.keys(e).sort()).toEqual(['__proto__', 'foo']);
    expect(e['foo']).toEqual([expect.stringContaining('Nieznane pole')]);
  });

  it('rejects wrong types', () => {
    const e = errorsOf(validateStepData('complaint', 'restate', { restatement: 42, clientConfirmed: 'true' }, CTX));
    expect(e).toEqual({ restatement: ['Oczekiwano tekstu.'], clientConfirmed: [expect.stringContaining('tak/nie')] });
  });

  it('enforces maximum lengths in characters (default 2000 text, 10000 longtext)', () => {
    const ok = validateStepData('complaint', 'listen', { account: 'ż'.repeat(10000) }, CTX);
    expect(ok.ok).toBe(true);
    expect(errorsOf(validateStepData('complaint', 'listen', { account: 'ż'.repeat(10001) }, CTX))).toEqual({
      account: [expect.stringContaining('10000')],
    });
    expect(
      errorsOf(validateStepData('refusal', 'decision', { decisionReference: 'a'.repeat(2001), scope: 'x' }, CTX)),
    ).toEqual({ decisionReference: [expect.stringContaining('2000')] });
    // Astral characters count once, as a person counts them.
    expect(validateStepData('refusal', 'decision', { decisionReference: '😀'.repeat(2000), scope: 'x' }, CTX).ok).toBe(
      true,
    );
  });

  it('trims and normalises text, and treats blank as missing', () => {
    const r = validateStepData('complaint', 'listen', { account: '  Zaz\u0307o\u0301\u0142c\u0301\r\nlinia 2  ' }, CTX);
    expect(r).toEqual({ ok: true, data: { account: 'Zażółć\nlinia 2'.normalize('NFC') } });
    expect(errorsOf(validateStepData('complaint', 'listen', { account: '   ' }, CTX))).toEqual({
      account: ['To pole jest wymagane.'],
    });
  });

  it('rejects control characters such as NUL', () => {
    expect(errorsOf(validateStepData('complaint', 'listen', { account: 'a\u0000b' }, CTX))).toEqual({
      account: [expect.stringContaining('sterujące')],
    });
  });

  it('drops blank optional fields from the normalised data', () => {
    const r = validateStepData('office_error', 'record', { ...SAMPLES.office_error.record, discoveredBy: ' ' }, CTX);
    expect(r.ok && 'discoveredBy' in r.data).toBe(false);
  });

  it('reports missing required fields', () => {
    expect(errorsOf(validateStepData('refusal', 'justify', { facts: 'x' }, CTX))).toEqual({
      legalBasis: ['To pole jest wymagane.'],
    });
    expect(errorsOf(validateStepData('aggressive_client', 'close', { handled: true }, CTX))).toEqual({
      severity: [expect.any(String)],
      securityCalled: [expect.any(String)],
      policeCalled: [expect.any(String)],
    });
  });

  it('accepts false for an ordinary yes/no, but not for a confirmation', () => {
    expect(validateStepData('refusal', 'farewell', { appealInfoGiven: false }, CTX)).toEqual({
      ok: true,
      data: { appealInfoGiven: false },
    });
    expect(errorsOf(validateStepData('complaint', 'regret', { confirmed: false }, CTX))).toEqual({
      confirmed: [expect.stringContaining('potwierdzenie')],
    });
  });

  describe('requiredWhen', () => {
    it('satisfaction partly/no needs the expectation, naming the condition', () => {
      for (const satisfaction of ['partly', 'no']) {
        expect(errorsOf(validateStepData('complaint', 'satisfaction', { satisfaction }, CTX))).toEqual({
          expectation: [expect.stringContaining('„Czy klient jest zadowolony z rozwiązania?”')],
        });
      }
      expect(validateStepData('complaint', 'satisfaction', { satisfaction: 'yes' }, CTX).ok).toBe(true);
    });

    it('a boolean condition: appeal deadline when appeal information was given', () => {
      expect(errorsOf(validateStepData('refusal', 'farewell', { appealInfoGiven: true }, CTX))).toEqual({
        appealDeadline: [expect.stringContaining('„tak”')],
      });
    });

    it('no requirement while the controlling field is itself invalid', () => {
      expect(errorsOf(validateStepData('complaint', 'satisfaction', { satisfaction: 'maybe' }, CTX))).toEqual({
        satisfaction: [expect.any(String)],
      });
    });
  });

  it('rejects choices outside the list', () => {
    expect(errorsOf(validateStepData('complaint', 'quiet_place', { quietPlace: 'garden' }, CTX))).toEqual({
      quietPlace: [expect.stringContaining('Niedozwolona')],
    });
    expect(
      errorsOf(validateStepData('complaint', 'outcome', { ...SAMPLES.complaint.outcome, replyChannel: 'phone' }, CTX)),
    ).toEqual({ replyChannel: [expect.any(String)] });
  });

  it('uses the office’s own root-cause codes when given', () => {
    const data = { rootCause: 'parking', description: 'Brak miejsc parkingowych' };
    expect(validateStepData('complaint', 'cause', data, CTX).ok).toBe(false);
    expect(validateStepData('complaint', 'cause', data, { ...CTX, rootCauseCodes: ['parking', 'other'] }).ok).toBe(
      true,
    );
  });

  describe('dates', () => {
    it.each(['2026-02-30', '2026-13-01', '2026-2-3', '03.02.2026', '2026-02-03T00:00:00Z', ''])(
      'rejects the date %j (or treats blank as missing)',
      (bad) => {
        const e = errorsOf(
          validateStepData('refusal', 'farewell', { appealInfoGiven: true, appealDeadline: bad }, CTX),
        );
        expect(e['appealDeadline']).toHaveLength(1);
      },
    );

    it('accepts 29 February only in leap years', () => {
      expect(
        validateStepData('refusal', 'farewell', { appealInfoGiven: true, appealDeadline: '2028-02-29' }, CTX).ok,
      ).toBe(true);
      expect(
        validateStepData('refusal', 'farewell', { appealInfoGiven: true, appealDeadline: '2027-02-29' }, CTX).ok,
      ).toBe(false);
    });

    it.each([
      '2026-03-02T10:00:00',
      '2026-03-02 10:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-03-02T25:00:00Z',
      'yesterday',
      1772355600000,
      '9999-12-31T23:59:59.999Z',
      '0202-03-02T10:00:00Z',
    ])('rejects the datetime %j', (bad) => {
      const e = errorsOf(validateStepData('refusal', 'deliver', { deliveredAt: bad, channel: 'letter' }, CTX));
      expect(e['deliveredAt']).toEqual([expect.stringContaining('ISO 8601')]);
    });

    it('normalises datetimes with an offset to UTC ISO', () => {
      const r = validateStepData(
        'refusal',
        'deliver',
        { deliveredAt: '2026-03-29T02:30:00+01:00', channel: 'letter' },
        CTX,
      );
      expect(r).toEqual({ ok: true, data: { deliveredAt: '2026-03-29T01:30:00.000Z', channel: 'letter' } });
    });
  });

  describe('events (aggressive-client incident log)', () => {
    const at = (m: number) => `2026-03-02T10:${String(m).padStart(2, '0')}:00+01:00`;

    it('requires at least one event', () => {
      expect(errorsOf(validateStepData('aggressive_client', 'conduct', { events: [] }, CTX))).toEqual({
        events: ['To pole jest wymagane.'],
      });
    });

    it('validates each event and names it by position', () => {
      const e = errorsOf(
        validateStepData(
          'aggressive_client',
          'conduct',
          { events: [{ kind: 'shouting', at: at(1) }, { kind: 'spitting', at: 'now', extra: 1 }, 'x'] },
          CTX,
        ),
      );
      expect(e['events']).toEqual([
        expect.stringMatching(/^Zdarzenie 2: nieznane pole „extra”/),
        expect.stringMatching(/^Zdarzenie 2: nieznany rodzaj/),
        expect.stringMatching(/^Zdarzenie 2: brak lub nieprawidłowa godzina/),
        expect.stringMatching(/^Zdarzenie 3:/),
      ]);
    });

    it('rejects a list that is not a list, and too long a note', () => {
      expect(errorsOf(validateStepData('aggressive_client', 'conduct', { events: { kind: 'insult' } }, CTX))).toEqual({
        events: ['Oczekiwano listy zdarzeń.'],
      });
      const e = errorsOf(
        validateStepData(
          'aggressive_client',
          'conduct',
          { events: [{ kind: 'other', at: at(1), note: 'x'.repeat(2001) }] },
          CTX,
        ),
      );
      expect(e['events']).toEqual([expect.stringContaining('za długi')]);
    });

    it('sorts events by time and normalises them', () => {
      const r = validateStepData(
        'aggressive_client',
        'conduct',
        {
          events: [
            { kind: 'threat', at: at(9), note: ' Groźba ' },
            { kind: 'shouting', at: at(2), note: '' },
          ],
        },
        CTX,
      );
      expect(r).toEqual({
        ok: true,
        data: {
          events: [
            { kind: 'shouting', at: '2026-03-02T09:02:00.000Z' },
            { kind: 'threat', at: '2026-03-02T09:09:00.000Z', note: 'Groźba' },
          ],
        },
      });
    });

    it('standard 22.6: the first mild insult needs no protest; a vulgar or repeated one does', () => {
      const once = { events: [{ kind: 'insult', at: at(1) }] };
      expect(validateStepData('aggressive_client', 'conduct', once, CTX).ok).toBe(true);
      const vulgar = { events: [{ kind: 'vulgar_insult', at: at(1) }] };
      const twice = {
        events: [
          { kind: 'insult', at: at(1) },
          { kind: 'insult', at: at(3) },
        ],
      };
      for (const data of [vulgar, twice]) {
        expect(errorsOf(validateStepData('aggressive_client', 'conduct', data, CTX))).toEqual({
          protestGivenAt: [expect.stringContaining('zaprotestować')],
        });
        expect(validateStepData('aggressive_client', 'conduct', { ...data, protestGivenAt: at(4) }, CTX).ok).toBe(true);
      }
    });
  });
});
