import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { CASE_KINDS } from './case-kinds';
import { COMPLAINT_OUTCOMES, EARLY_COMPLAINT_OUTCOMES } from './enums';
import { WORKFLOWS, workflowOf } from './workflows';
import type { CaseKind } from './case-kinds';

describe('workflow definitions', () => {
  it('exist for every kind, keyed by their own kind', () => {
    expect(Object.keys(WORKFLOWS).sort()).toEqual([...CASE_KINDS].sort());
    for (const k of CASE_KINDS) expect(workflowOf(k).kind).toBe(k);
    expect(workflowOf('complaint').standard).toBe(20);
    expect(workflowOf('office_error').standard).toBe(21);
    expect(workflowOf('refusal').standard).toBe(19);
    expect(workflowOf('aggressive_client').standard).toBe(22);
    expect(() => workflowOf('appeal' as CaseKind)).toThrow(RangeError);
  });

  describe.each(CASE_KINDS)('%s', (kind) => {
    const def = WORKFLOWS[kind];
    const stepIds = def.steps.map((s) => s.id);

    it('has unique step ids and unique field ids per step', () => {
      expect(new Set(stepIds).size).toBe(stepIds.length);
      for (const s of def.steps) expect(new Set(s.fields.map((f) => f.id)).size).toBe(s.fields.length);
    });

    it('has Polish and English text everywhere', () => {
      const texts = [def.title, def.purpose, ...def.conduct];
      for (const s of def.steps) {
        texts.push(s.title, s.guidance);
        for (const f of s.fields)
          texts.push(f.label, ...(f.help ? [f.help] : []), ...(f.options ?? []).map((o) => o.label));
      }
      for (const t of texts) {
        expect(t.pl.trim()).not.toBe('');
        expect(t.en.trim()).not.toBe('');
      }
      for (const s of def.steps) expect(s.source).toMatch(/Standard|KPA/);
      for (const c of def.conduct) expect(c.source).toMatch(/^Standard \d+/);
    });

    it('refers only to fields and steps that exist', () => {
      for (const s of def.steps) {
        const fieldIds = s.fields.map((f) => f.id);
        for (const f of s.fields) {
          if (f.requiredWhen) expect(fieldIds).toContain(f.requiredWhen.field);
          if (f.type === 'choice' || f.type === 'events') expect(f.options?.length).toBeGreaterThan(0);
        }
        if (s.loop) {
          expect(fieldIds).toContain(s.loop.field);
          expect(stepIds.indexOf(s.loop.backTo)).toBeGreaterThanOrEqual(0);
          expect(stepIds.indexOf(s.loop.backTo)).toBeLessThan(stepIds.indexOf(s.id));
          const options = s.fields.find((f) => f.id === s.loop?.field)?.options?.map((o) => o.value);
          for (const v of s.loop.values) expect(options).toContain(v);
        }
        if (s.earlyOutcomes) expect(fieldIds).toContain(s.earlyOutcomes.field);
      }
    });

    it('ends with a required step, so a case cannot close before its last step', () => {
      expect(def.steps.at(-1)?.required).toBe(true);
    });
  });

  it('complaint outcome offers every outcome and marks the early ones', () => {
    const outcome = workflowOf('complaint').steps.find((s) => s.id === 'outcome');
    expect(outcome?.fields.find((f) => f.id === 'outcome')?.options?.map((o) => o.value)).toEqual([
      ...COMPLAINT_OUTCOMES,
    ]);
    expect(outcome?.earlyOutcomes).toEqual({ field: 'outcome', values: EARLY_COMPLAINT_OUTCOMES });
  });

  it('loops as docs/domain.md says', () => {
    expect(workflowOf('complaint').steps.find((s) => s.loop)?.loop).toEqual({
      field: 'satisfaction',
      values: ['no'],
      backTo: 'propose',
      expectation: 'expectation',
    });
    expect(workflowOf('office_error').steps.find((s) => s.loop)?.loop).toEqual({
      field: 'accepted',
      values: ['no'],
      backTo: 'fix',
      expectation: 'expectation',
    });
  });

  it('puts the protest wording of standard 22 in the conduct step', () => {
    const conduct = workflowOf('aggressive_client').steps.find((s) => s.id === 'conduct');
    expect(conduct?.guidance.pl).toContain(
      '„Chcę pomóc w załatwieniu Pańskiej sprawy. Proszę jednak mnie nie obrażać.”',
    );
  });

  it('needs a promise exactly where docs/domain.md asks for one', () => {
    const promised = CASE_KINDS.flatMap((k) =>
      workflowOf(k)
        .steps.filter((s) => s.needsPromise)
        .map((s) => `${k}/${s.id}`),
    );
    expect(promised).toEqual(['complaint/next_steps', 'office_error/next_steps', 'aggressive_client/resolve']);
  });
});

describe('module layout', () => {
  // The SPA imports definitions and rules; they must not drag in the holiday data.
  it('keeps date-holidays out of everything but the calendar modules', () => {
    const root = __dirname;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) files.push(relative(root, p));
      }
    };
    walk(root);
    const offenders = files
      .filter((f) => !f.startsWith('calendar') && f !== 'index.ts')
      .filter((f) =>
        /from '(date-holidays|@date-fns\/tz|date-fns|\.\.?\/calendar\/[^']*)'/.test(
          readFileSync(join(root, f), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
