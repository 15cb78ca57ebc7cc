import { CASE_KINDS } from './case-kinds';
import {
  clashingRegister,
  DEFAULT_REFERENCE_FORMATS,
  formatReference,
  validateReferenceFormat,
} from './reference-number';

describe('formatReference', () => {
  it('builds the complaint reference as in the JRWA example', () => {
    expect(
      formatReference(DEFAULT_REFERENCE_FORMATS.complaint.format, {
        department: 'OR',
        jrwa: '1510',
        n: 12,
        year: 2026,
      }),
    ).toBe('OR.1510.12.2026');
  });

  it('fills every token, and every default format is valid', () => {
    expect(
      formatReference('{yyyy}/{department}-{jrwa}/{n}', { department: ' GK ', jrwa: 'PU', n: 3, year: 2027 }),
    ).toBe('2027/GK-PU/3');
    for (const k of CASE_KINDS) expect(validateReferenceFormat(DEFAULT_REFERENCE_FORMATS[k].format)).toBeNull();
    expect(DEFAULT_REFERENCE_FORMATS.complaint.jrwa).toBe('1510');
  });

  it('refuses unusable formats', () => {
    expect(validateReferenceFormat('{department}.{nr}.{yyyy}')?.pl).toContain('{nr}');
    expect(validateReferenceFormat('{department}.{n}')?.pl).toContain('{yyyy}');
    expect(validateReferenceFormat('{jrwa}.{n}.{yyyy}')?.pl).toContain('{department}');
    expect(validateReferenceFormat(`{department}.{n}.{yyyy}.${'x'.repeat(100)}`)?.pl).toContain('100');
    expect(validateReferenceFormat('{n}.{yyyy}}')?.pl).toContain('nawias');
    expect(validateReferenceFormat(' ')).not.toBeNull();
    expect(() => formatReference('{x}', { department: 'OR', jrwa: '1510', n: 1, year: 2026 })).toThrow(RangeError);
  });

  it('refuses nonsense numbers', () => {
    const f = DEFAULT_REFERENCE_FORMATS.complaint.format;
    expect(() => formatReference(f, { department: 'OR', jrwa: '1510', n: 0, year: 2026 })).toThrow(RangeError);
    expect(() => formatReference(f, { department: 'OR', jrwa: '1510', n: 1.5, year: 2026 })).toThrow(RangeError);
    expect(() => formatReference(f, { department: 'OR', jrwa: '1510', n: 1, year: 26 })).toThrow(RangeError);
  });
});

describe('clashingRegister', () => {
  const defaults = CASE_KINDS.map((kind) => ({ kind, ...DEFAULT_REFERENCE_FORMATS[kind] }));

  it('finds no clash among the default registers', () => {
    for (const r of defaults) expect(clashingRegister(r, defaults)).toBeNull();
  });

  it('names the register that would issue the same references', () => {
    expect(
      clashingRegister({ kind: 'office_error', jrwa: '1510', format: '{department}.{jrwa}.{n}.{yyyy}' }, defaults),
    ).toBe('complaint');
    expect(clashingRegister({ kind: 'refusal', jrwa: 'DO', format: '{department}.AK.{n}.{yyyy}' }, defaults)).toBe(
      'aggressive_client',
    );
  });

  it('does not compare a register with itself', () => {
    expect(clashingRegister(defaults[0], defaults)).toBeNull();
  });
});
