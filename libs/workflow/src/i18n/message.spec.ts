import { CASE_KINDS } from '../case-kinds';
import { workflowOf } from '../workflows';
import { en } from './messages.en';
import { pl } from './messages.pl';
import { languageOf, message, messageIn, textIn } from './message';
import { sourceLabel } from './source-label';

describe('the message catalogues', () => {
  it('have the same keys in both languages, each message written in both', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
      const render = (catalogue: Record<string, (p: never) => string>) =>
        catalogue[key]({
          requestId: 'r-1',
          max: 3,
          min: 1,
          header: 'H',
          cookie: 'C',
          values: 'a, b',
          n: '5',
          username: 'u',
          symbol: 'OR',
          kind: 'k',
          tokens: '{x}',
          step: 's',
          skipped: false,
          missing: ['a'],
          early: [],
          earlyStep: 'e',
          notDone: ['a'],
          withoutPromise: [],
          label: 'l',
          value: 'v',
          length: 4,
          detail: 'D',
          rule: 'r',
          due: '2026-12-01',
          current: '2026-12-01',
          before: 'B.',
          newDue: '2027-02-08',
        } as never);
      expect(render(pl as never).trim()).not.toBe('');
      expect(render(en as never).trim()).not.toBe('');
    }
  });

  it('renders parameters, taking each language of a parameter that has both', () => {
    const title = { pl: 'Wysłuchaj klienta', en: 'Listen to the client' };
    expect(message('workflow.notOptional', { step: title })).toEqual({
      pl: 'Krok „Wysłuchaj klienta” jest obowiązkowy – nie można go pominąć.',
      en: 'Step “Listen to the client” is required – it cannot be skipped.',
    });
    expect(messageIn('en', 'http.internalError', { requestId: 'abc' })).toContain('abc');
  });

  it('writes dates in each language’s one format, never ISO', () => {
    const extended = message('extension.explanation', {
      before: { pl: 'Termin.', en: 'Deadline.' },
      newDue: '2027-02-08',
    });
    expect(extended.pl).toBe('Termin. Termin przedłużono do 08.02.2027 (art. 36 KPA).');
    expect(extended.en).toBe('Deadline. Extended to 08/02/2027 (KPA art. 36).');
  });

  it('falls back to Polish where a text has no English, and keeps plain strings', () => {
    expect(textIn({ pl: 'Tak', en: '' }, 'en')).toBe('Tak');
    expect(textIn('Zielińska', 'en')).toBe('Zielińska');
  });
});

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'pl'],
    ['', 'pl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['de-DE,en;q=0.5', 'en'],
    ['fr', 'pl'],
    ['en;q=0.4, pl;q=0.6', 'pl'],
    ['pl;q=0, en', 'en'],
    ['EN-us', 'en'],
    [['en', 'pl'], 'en'],
  ] as [string | string[] | undefined, string][])('%j → %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe('sourceLabel', () => {
  it('cites in English without a Polish word, and leaves Polish as written', () => {
    expect(sourceLabel('Standard 20 pkt 9', 'en')).toBe('Standard 20 item 9');
    expect(sourceLabel('Standard 22 (tytuł) i pkt 7', 'en')).toBe('Standard 22 (title) and item 7');
    expect(sourceLabel('KPA art. 129 § 2, art. 57 § 1 i 4', 'en')).toBe('KPA art. 129 § 2, art. 57 § 1 and 4');
    expect(sourceLabel('art. 57 § 3 KPA', 'en')).toBe('KPA art. 57 § 3');
    expect(sourceLabel('Standard 20 pkt 9', 'pl')).toBe('Standard 20 pkt 9');
  });

  it('leaves no Polish word in any source of the workflows', () => {
    const sources = CASE_KINDS.flatMap((kind) => {
      const def = workflowOf(kind);
      return [...def.steps.map((s) => s.source), ...(def.conduct ?? []).map((c) => c.source)];
    });
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources)
      expect(sourceLabel(source, 'en')).not.toMatch(/[ąćęłńóśźż]|\bpkt\b|\bi\b|uzasadnienie|tytuł/i);
  });
});
