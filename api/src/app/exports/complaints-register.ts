import { CHANNEL_LABELS, COMPLAINT_OUTCOME_LABELS, type Channel, type ComplaintOutcome } from '@pu/workflow';
import type { RegisterRow } from './exports.queries';
import { XlsxDay, type XlsxCell, type XlsxColumn } from './writers/xlsx-writer';

/**
 * The complaints register (rejestr skarg i wniosków, KPA art. 254: kept "so that the course and the deadlines
 * can easily be checked") with the columns Polish offices use, in their order. The file carries exactly these.
 */
export const REGISTER_COLUMNS: readonly (XlsxColumn & { key: RegisterColumnKey })[] = [
  { key: 'lp', header: 'Lp.', width: 7 },
  { key: 'received', header: 'Data wpływu', width: 12 },
  { key: 'complainant', header: 'Skarżący (imię i nazwisko lub nazwa)', width: 28 },
  { key: 'address', header: 'Adres', width: 30 },
  { key: 'subject', header: 'Przedmiot skargi', width: 40, style: 'wrap' },
  { key: 'handed', header: 'Data przekazania do załatwienia', width: 14 },
  { key: 'handedTo', header: 'Komu przekazano', width: 30 },
  { key: 'due', header: 'Termin załatwienia', width: 12 },
  { key: 'settled', header: 'Data załatwienia', width: 12 },
  { key: 'outcome', header: 'Sposób załatwienia', width: 40, style: 'wrap' },
  { key: 'notified', header: 'Data wysłania zawiadomienia', width: 14 },
  { key: 'notifiedWho', header: 'Kogo zawiadomiono', width: 28 },
  { key: 'remarks', header: 'Uwagi', width: 40, style: 'wrap' },
];

export type RegisterColumnKey =
  | 'lp'
  | 'received'
  | 'complainant'
  | 'address'
  | 'subject'
  | 'handed'
  | 'handedTo'
  | 'due'
  | 'settled'
  | 'outcome'
  | 'notified'
  | 'notifiedWho'
  | 'remarks';

/** One line of the register: a day stays a day (an Excel date in XLSX, 'YYYY-MM-DD' in CSV). */
export type RegisterLine = Record<RegisterColumnKey, string | number | XlsxDay | null>;

const DAY = /^\d{4}-\d{2}-\d{2}/;
const day = (value: string | null): XlsxDay | null =>
  value && DAY.test(value) ? new XlsxDay(value.slice(0, 10)) : null;

function outcomeText(row: RegisterRow): string | null {
  if (!row.outcome) return row.status === 'open' ? 'w toku' : null;
  const label = COMPLAINT_OUTCOME_LABELS[row.outcome as ComplaintOutcome]?.pl ?? row.outcome;
  const parts = [row.outcome === 'forwarded' && row.forwarded_to ? `${label}: ${row.forwarded_to}` : label];
  if (row.summary) parts.push(row.summary);
  return parts.join(' — ');
}

function remarks(row: RegisterRow): string {
  const notes = [`Znak sprawy: ${row.reference}`];
  if (!row.client_name && !row.client_address) notes.push('skarga anonimowa');
  if (row.client_is_councillor) notes.push('wniesiona przez posła, senatora lub radnego (art. 237 § 2 KPA)');
  for (const e of row.extensions) notes.push(`termin przedłużony do ${e.newDue} (art. 36 KPA): ${e.reason}`);
  if (row.repeat_of_reference) notes.push(`skarga ponowiona, zob. ${row.repeat_of_reference} (art. 239 KPA)`);
  return notes.join('; ');
}

export function registerLine(lp: number, row: RegisterRow): RegisterLine {
  const channel = row.reply_channel ? (CHANNEL_LABELS[row.reply_channel as Channel]?.pl ?? row.reply_channel) : null;
  const notified = day(row.reply_sent_day);
  const whom = row.client_name ?? row.client_address ?? 'skarżący';
  return {
    lp,
    received: day(row.received_day),
    complainant: row.client_name,
    address: row.client_address,
    subject: row.subject,
    handed: day(row.handed_day),
    handedTo: [`${row.department_symbol} – ${row.department_name}`, row.assignee_name].filter(Boolean).join(', '),
    due: day(row.due_day),
    settled: day(row.settled_day),
    outcome: outcomeText(row),
    notified,
    notifiedWho: notified ? (channel ? `${whom} (${channel})` : whom) : null,
    remarks: remarks(row),
  };
}

/** The line as XLSX cells, in column order. */
export const registerCells = (line: RegisterLine): XlsxCell[] => REGISTER_COLUMNS.map((c) => line[c.key]);

/** The line as CSV fields, in column order: days as 'YYYY-MM-DD', numbers as digits. */
export const registerFields = (line: RegisterLine): (string | number)[] =>
  REGISTER_COLUMNS.map((c) => {
    const v = line[c.key];
    return v instanceof XlsxDay ? v.day : (v ?? '');
  });
