import { digestEmail, formatDue, notificationEmail, plural, type DigestItem } from './email-templates';

const base = {
  caseReference: 'SO.1510.12.2026',
  caseKind: 'complaint',
  link: 'https://pu.example/sprawy/c1',
  settingsLink: 'https://pu.example/ustawienia',
};
// 4 December 2026, end of the Warsaw day (a legal deadline) and 14:00 Warsaw (a promise's time).
const END_OF_DAY = '2026-12-04T22:59:59.999Z';
const AFTERNOON = '2026-12-04T13:00:00.000Z';

describe('notificationEmail', () => {
  it('says in Polish which case, what is due and when, with the link and how to change e-mail', () => {
    const email = notificationEmail({ ...base, kind: 'case_due_soon', dueAt: END_OF_DAY }, 'pl');
    expect(email.subject).toBe('Zbliża się termin sprawy SO.1510.12.2026');
    expect(email.text).toContain('Termin załatwienia sprawy SO.1510.12.2026 mija 04.12.2026.');
    expect(email.text).toContain('Rodzaj: Skarga.');
    expect(email.text).toContain('Otwórz sprawę: https://pu.example/sprawy/c1');
    expect(email.text).toContain('https://pu.example/ustawienia');
  });

  it('speaks English to those who chose it, with the same date format as the SPA', () => {
    const email = notificationEmail({ ...base, kind: 'case_overdue', dueAt: END_OF_DAY }, 'en');
    expect(email.subject).toBe('Case SO.1510.12.2026 is overdue');
    expect(email.text).toContain('Case SO.1510.12.2026 was due on 04/12/2026.');
    expect(email.text).toContain('Kind: Complaint.');
  });

  it('shows the time of a promise that has one, in Warsaw time', () => {
    const email = notificationEmail({ ...base, kind: 'promise_due_soon', dueAt: AFTERNOON }, 'pl');
    expect(email.text).toContain('do 04.12.2026, 14:00');
  });

  it.each([
    'case_due_soon',
    'case_overdue',
    'inform_due_soon',
    'inform_overdue',
    'forwarding_due_soon',
    'councillor_reply_due_soon',
    'promise_due_soon',
    'promise_broken',
    'assigned',
    'a_kind_added_later',
  ])('has a subject and a body naming the case for %s in both languages', (kind) => {
    for (const lang of ['pl', 'en'] as const) {
      const email = notificationEmail({ ...base, kind, dueAt: END_OF_DAY }, lang);
      expect(email.subject).toContain('SO.1510.12.2026');
      expect(email.text).toContain('SO.1510.12.2026');
      expect(email.text).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('has no field for client details: the input carries none, and the output is only what it was given', () => {
    const email = notificationEmail({ ...base, kind: 'assigned', dueAt: null }, 'pl');
    expect(email.text).toBe(
      [
        'Dzień dobry,',
        '',
        'Przydzielono Ci sprawę SO.1510.12.2026.',
        'Rodzaj: Skarga.',
        '',
        'Otwórz sprawę: https://pu.example/sprawy/c1',
        '',
        '-- ',
        'Tę wiadomość wysłał system Przyjazny Urząd. Możesz wyłączyć e-maile albo wybrać tylko poranne zestawienie: https://pu.example/ustawienia',
        '',
      ].join('\n'),
    );
  });
});

describe('digestEmail', () => {
  const item = (over: Partial<DigestItem>): DigestItem => ({
    what: 'case',
    caseReference: 'SO.1510.1.2026',
    caseKind: 'complaint',
    dueAt: END_OF_DAY,
    overdue: false,
    link: 'https://pu.example/sprawy/a',
    ...over,
  });

  it('lists overdue first, then what is due today, each with its link', () => {
    const email = digestEmail(
      {
        day: '2026-12-04',
        items: [
          item({}),
          item({
            caseReference: 'SO.PU.3.2026',
            caseKind: 'office_error',
            dueAt: '2026-12-01T22:59:59.999Z',
            overdue: true,
          }),
          item({
            what: 'promise',
            caseReference: 'SO.1510.7.2026',
            dueAt: AFTERNOON,
            link: 'https://pu.example/sprawy/p',
          }),
        ],
        listLink: 'https://pu.example/sprawy',
        settingsLink: 'https://pu.example/ustawienia',
      },
      'pl',
    );
    expect(email.subject).toBe('Na dziś, 04.12.2026: 3 pozycje');
    const text = email.text;
    expect(text.indexOf('Po terminie:')).toBeLessThan(text.indexOf('Termin dziś:'));
    expect(text).toContain('- sprawa SO.PU.3.2026 (Pomyłka urzędu), termin 01.12.2026');
    expect(text).toContain('- zobowiązanie wobec klienta w sprawie SO.1510.7.2026, termin 04.12.2026, 14:00');
    expect(text).toContain('  https://pu.example/sprawy/p');
  });

  it('in English, and counts what it leaves out beyond the limit', () => {
    const items = Array.from({ length: 5 }, (_, i) => item({ link: `https://pu.example/sprawy/${i}` }));
    const email = digestEmail(
      { day: '2026-12-04', items, maxItems: 2, listLink: 'https://pu.example/sprawy', settingsLink: 's' },
      'en',
    );
    expect(email.subject).toBe('For today, 04/12/2026: 5 items');
    expect(email.text.match(/^- case/gm)).toHaveLength(2);
    expect(email.text).toContain('…and 3 more.');
    expect(email.text).toContain('All cases: https://pu.example/sprawy');
  });

  it('counts the items the database did not return (it sends only the first of each person)', () => {
    const email = digestEmail(
      { day: '2026-12-04', items: [item({})], total: 1_204, listLink: 'l', settingsLink: 's' },
      'pl',
    );
    expect(email.subject).toBe('Na dziś, 04.12.2026: 1204 pozycje');
    expect(email.text).toContain('…i 1203 pozycje więcej.');
  });
});

describe('plural and formatDue', () => {
  it.each([
    [1, 'pozycja'],
    [2, 'pozycje'],
    [4, 'pozycje'],
    [5, 'pozycji'],
    [12, 'pozycji'],
    [14, 'pozycji'],
    [22, 'pozycje'],
    [25, 'pozycji'],
    [112, 'pozycji'],
  ])('%i %s', (n, word) => expect(plural(n, 'pozycja', 'pozycje', 'pozycji')).toBe(word));

  it('a deadline at the end of a Warsaw day is a date, in summer time too', () => {
    expect(formatDue('2026-07-01T21:59:59.999Z', 'pl')).toBe('01.07.2026');
    expect(formatDue('2026-07-01T08:30:00.000Z', 'en')).toBe('01/07/2026, 10:30');
    expect(formatDue(null, 'pl')).toBe('');
  });
});
