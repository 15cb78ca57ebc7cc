import type { UserLanguage } from '@pu/contracts';
import { CASE_KIND_LABELS, formatDate, formatDateTime, isCaseKind, OFFICE_TIME_ZONE } from '@pu/workflow';

/**
 * The office's e-mails as plain text, in the recipient's language. Pure functions of what they show: the case
 * reference, what is due and when, and a link into the application. Never the client's name, address, phone or
 * e-mail, nor free text a clerk typed (a promise's wording may quote them): an e-mail leaves the office's
 * systems, and standard 12 keeps a client's details to the staff who open the case.
 */
export interface Email {
  subject: string;
  text: string;
}

/** What one notification is about, as read from the notifications table and the case it names. */
export interface NotificationEmailInput {
  kind: string;
  caseReference: string | null;
  caseKind: string | null;
  /** ISO instant. */
  dueAt: string | null;
  /** Absolute URL of the case (or of the notifications page when there is no case). */
  link: string;
  settingsLink: string;
}

type Lang = UserLanguage;
type Phrase = (reference: string, due: string) => { subject: string; lead: string };

/** Per notification kind: the subject line and the sentence that says what is due and when. */
const PHRASES: Record<string, Record<Lang, Phrase>> = {
  case_due_soon: {
    pl: (r, d) => ({ subject: `Zbliża się termin sprawy ${r}`, lead: `Termin załatwienia sprawy ${r} mija ${d}.` }),
    en: (r, d) => ({ subject: `Case ${r} is due soon`, lead: `Case ${r} must be settled by ${d}.` }),
  },
  case_overdue: {
    pl: (r, d) => ({ subject: `Sprawa ${r} jest po terminie`, lead: `Termin załatwienia sprawy ${r} minął ${d}.` }),
    en: (r, d) => ({ subject: `Case ${r} is overdue`, lead: `Case ${r} was due on ${d}.` }),
  },
  promise_due_soon: {
    pl: (r, d) => ({
      subject: `Zbliża się termin zobowiązania w sprawie ${r}`,
      lead: `Zobowiązanie wobec klienta w sprawie ${r} trzeba spełnić do ${d}.`,
    }),
    en: (r, d) => ({
      subject: `A promise in case ${r} is due soon`,
      lead: `A promise made to the client in case ${r} is due by ${d}.`,
    }),
  },
  promise_broken: {
    pl: (r, d) => ({
      subject: `Niedotrzymane zobowiązanie w sprawie ${r}`,
      lead: `Zobowiązanie wobec klienta w sprawie ${r} miało być spełnione do ${d} i nie zostało oznaczone jako dotrzymane.`,
    }),
    en: (r, d) => ({
      subject: `A promise in case ${r} was not kept`,
      lead: `A promise made to the client in case ${r} was due by ${d} and has not been marked as kept.`,
    }),
  },
  forwarding_due_soon: {
    pl: (r, d) => ({
      subject: `Przekazanie skargi ${r} według właściwości`,
      lead: `Skargę ${r} trzeba przekazać organowi właściwemu do ${d} (art. 231 KPA, 7 dni).`,
    }),
    en: (r, d) => ({
      subject: `Forwarding complaint ${r} to the competent body`,
      lead: `Complaint ${r} must be forwarded to the competent body by ${d} (KPA art. 231, 7 days).`,
    }),
  },
  councillor_reply_due_soon: {
    pl: (r, d) => ({
      subject: `Termin dla radnego lub posła w sprawie ${r}`,
      lead: `W sprawie ${r}, wniesionej przez radnego lub posła, termin zawiadomienia mija ${d} (art. 237 § 2 KPA, 14 dni).`,
    }),
    en: (r, d) => ({
      subject: `Councillor's or MP's date in case ${r}`,
      lead: `Case ${r} was brought by a councillor or MP: they must be informed by ${d} (KPA art. 237 § 2, 14 days).`,
    }),
  },
  inform_due_soon: {
    pl: (r, d) => ({
      subject: `Poinformowanie klienta o pomyłce ${r}`,
      lead: `O pomyłce urzędu w sprawie ${r} klient powinien się dowiedzieć do ${d} (standard 21).`,
    }),
    en: (r, d) => ({
      subject: `Informing the client of office error ${r}`,
      lead: `The client should learn of the office error in case ${r} by ${d} (standard 21).`,
    }),
  },
  inform_overdue: {
    pl: (r, d) => ({
      subject: `Klient nie został poinformowany o pomyłce ${r}`,
      lead: `O pomyłce urzędu w sprawie ${r} klient miał się dowiedzieć do ${d}, a nie zapisano, że go poinformowano (standard 21).`,
    }),
    en: (r, d) => ({
      subject: `The client has not been told of office error ${r}`,
      lead: `The client was to learn of the office error in case ${r} by ${d}, and no one has recorded telling them (standard 21).`,
    }),
  },
  assigned: {
    pl: (r, d) => ({
      subject: `Przydzielono Ci sprawę ${r}`,
      lead: d ? `Przydzielono Ci sprawę ${r}. Termin załatwienia: ${d}.` : `Przydzielono Ci sprawę ${r}.`,
    }),
    en: (r, d) => ({
      subject: `Case ${r} has been assigned to you`,
      lead: d ? `Case ${r} has been assigned to you. It is due by ${d}.` : `Case ${r} has been assigned to you.`,
    }),
  },
};

const GENERIC: Record<Lang, Phrase> = {
  pl: (r, d) => ({ subject: `Przypomnienie: sprawa ${r}`, lead: d ? `Sprawa ${r}: termin ${d}.` : `Sprawa ${r}.` }),
  en: (r, d) => ({ subject: `Reminder: case ${r}`, lead: d ? `Case ${r}: due ${d}.` : `Case ${r}.` }),
};

const WORDS = {
  pl: {
    greeting: 'Dzień dobry,',
    open: 'Otwórz sprawę:',
    noCase: 'bez sprawy',
    footer: (settings: string) =>
      `Tę wiadomość wysłał system Przyjazny Urząd. Możesz wyłączyć e-maile albo wybrać tylko poranne zestawienie: ${settings}`,
    kind: 'Rodzaj',
  },
  en: {
    greeting: 'Hello,',
    open: 'Open the case:',
    noCase: 'no case',
    footer: (settings: string) =>
      `This message was sent by Przyjazny Urząd. You can turn e-mail off or choose the morning digest only: ${settings}`,
    kind: 'Kind',
  },
} as const;

/**
 * A due date as the office states it: a deadline that ends at the end of a Warsaw day is a date; one with a time
 * of its own (a promise to call back by 14:00) shows the time as well.
 */
const WARSAW_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: OFFICE_TIME_ZONE,
});

export function formatDue(dueAt: string | null, lang: Lang): string {
  if (!dueAt) return '';
  const parts = WARSAW_TIME.format(new Date(dueAt));
  return parts === '23:59' || parts === '00:00'
    ? formatDate(dueAt, lang)
    : formatDateTime(dueAt, lang, OFFICE_TIME_ZONE);
}

function kindLabel(caseKind: string | null, lang: Lang): string | null {
  return isCaseKind(caseKind) ? CASE_KIND_LABELS[caseKind][lang] : null;
}

export function notificationEmail(input: NotificationEmailInput, lang: Lang): Email {
  const words = WORDS[lang];
  const reference = input.caseReference ?? words.noCase;
  const phrase = (PHRASES[input.kind] ?? GENERIC)[lang](reference, formatDue(input.dueAt, lang));
  const kind = kindLabel(input.caseKind, lang);
  const lines = [
    words.greeting,
    '',
    phrase.lead,
    ...(kind ? [`${words.kind}: ${kind}.`] : []),
    '',
    `${words.open} ${input.link}`,
    '',
    '-- ',
    words.footer(input.settingsLink),
  ];
  return { subject: phrase.subject, text: lines.join('\n') + '\n' };
}

/** One line of the morning digest. */
export interface DigestItem {
  what: 'case' | 'promise';
  caseReference: string;
  caseKind: string;
  dueAt: string;
  overdue: boolean;
  link: string;
}

export interface DigestEmailInput {
  /** The Warsaw date of the morning, YYYY-MM-DD. */
  day: string;
  /** The lines to show (overdue ones first, then today's), at most `maxItems` of them. */
  items: DigestItem[];
  maxItems?: number;
  /** How many there are in all, when `items` holds only the first of them. */
  total?: number;
  listLink: string;
  settingsLink: string;
}

const DIGEST_WORDS = {
  pl: {
    subject: (day: string, n: number) => `Na dziś, ${day}: ${n} ${plural(n, 'pozycja', 'pozycje', 'pozycji')}`,
    overdue: 'Po terminie:',
    today: 'Termin dziś:',
    case: (ref: string, kind: string, due: string) => `sprawa ${ref} (${kind}), termin ${due}`,
    promise: (ref: string, due: string) => `zobowiązanie wobec klienta w sprawie ${ref}, termin ${due}`,
    lead: (day: string) => `zestawienie na ${day}: co ma termin dziś i co jest już po terminie.`,
    all: 'Wszystkie sprawy:',
    more: (n: number) => `…i ${n} ${plural(n, 'pozycja', 'pozycje', 'pozycji')} więcej.`,
  },
  en: {
    subject: (day: string, n: number) => `For today, ${day}: ${n} ${n === 1 ? 'item' : 'items'}`,
    overdue: 'Overdue:',
    today: 'Due today:',
    case: (ref: string, kind: string, due: string) => `case ${ref} (${kind}), due ${due}`,
    promise: (ref: string, due: string) => `promise to the client in case ${ref}, due ${due}`,
    lead: (day: string) => `here is what is due today, ${day}, and what is already overdue.`,
    all: 'All cases:',
    more: (n: number) => `…and ${n} more.`,
  },
} as const;

/** Polish plural forms: 1 pozycja, 2–4 pozycje (not 12–14), otherwise pozycji. */
export function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const tens = n % 100;
  const units = n % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

export function digestEmail(input: DigestEmailInput, lang: Lang): Email {
  const words = DIGEST_WORDS[lang];
  const day = formatDate(input.day, lang);
  const line = (item: DigestItem) => {
    const due = formatDue(item.dueAt, lang);
    const label =
      item.what === 'case'
        ? words.case(item.caseReference, kindLabel(item.caseKind, lang) ?? item.caseKind, due)
        : words.promise(item.caseReference, due);
    return `- ${label}\n  ${item.link}`;
  };
  const byDue = (a: DigestItem, b: DigestItem) => a.dueAt.localeCompare(b.dueAt) || a.link.localeCompare(b.link);
  const ordered = [
    ...input.items.filter((i) => i.overdue).sort(byDue),
    ...input.items.filter((i) => !i.overdue).sort(byDue),
  ];
  const shown = ordered.slice(0, input.maxItems ?? ordered.length);
  const total = Math.max(input.total ?? 0, ordered.length);
  const hidden = total - shown.length;
  const section = (title: string, items: DigestItem[]) => (items.length ? ['', title, ...items.map(line)] : []);
  const lines = [
    `${WORDS[lang].greeting}`,
    '',
    words.lead(day),
    ...section(
      words.overdue,
      shown.filter((i) => i.overdue),
    ),
    ...section(
      words.today,
      shown.filter((i) => !i.overdue),
    ),
    ...(hidden > 0 ? ['', words.more(hidden)] : []),
    '',
    `${words.all} ${input.listLink}`,
    '',
    '-- ',
    WORDS[lang].footer(input.settingsLink),
  ];
  return { subject: words.subject(day, total), text: lines.join('\n') + '\n' };
}
