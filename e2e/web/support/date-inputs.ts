import { TZDate } from '@date-fns/tz';
import type { Locator, Page } from '@playwright/test';

// The SPA's date fields (Material datepicker and timepicker): a date typed in the page's language, and for a
// date-time a second input named "<label>: Godzina" ("<label>: Time" in English). Days and times of instants are the
// office's (Europe/Warsaw), as the SPA reads and writes them whatever the browser's zone.

type Scope = Page | Locator;
type Lang = 'pl' | 'en';
const pad = (n: number) => String(n).padStart(2, '0');
const TIME: Record<Lang, string> = { pl: 'Godzina', en: 'Time' };

const atOffice = (at: Date): TZDate => new TZDate(at.getTime(), 'Europe/Warsaw');

/** A day as a clerk types it: 01.12.2026 in Polish, 01/12/2026 in English. */
export function typedDate(day: Date | string, lang: Lang = 'pl'): string {
  const office = typeof day === 'string' ? null : atOffice(day);
  const [y, m, d] = office
    ? [office.getFullYear(), office.getMonth() + 1, office.getDate()]
    : String(day).split('-').map(Number);
  return [pad(d), pad(m), String(y)].join(lang === 'en' ? '/' : '.');
}

/** A time as typed, 24-hour, at the office. */
export function typedTime(at: Date): string {
  const office = atOffice(at);
  return `${pad(office.getHours())}:${pad(office.getMinutes())}`;
}

/** The office's calendar day of an instant, `YYYY-MM-DD`. */
export const officeDay = (at: Date): string => typedDate(at).split('.').reverse().join('-');

export const dateInput = (scope: Scope, label: string): Locator =>
  scope.getByRole('textbox', { name: label, exact: true });
export const timeInput = (scope: Scope, label: string, lang: Lang = 'pl'): Locator =>
  scope.getByLabel(`${label}: ${TIME[lang]}`, { exact: true });

/** Types a day (`YYYY-MM-DD` or a Date) into a date field. */
export async function fillDate(scope: Scope, label: string, day: Date | string, lang: Lang = 'pl'): Promise<void> {
  await dateInput(scope, label).fill(typedDate(day, lang));
}

/** Types the day and the time of an instant into a date-time field. */
export async function fillDateTime(scope: Scope, label: string, at: Date, lang: Lang = 'pl'): Promise<void> {
  await dateInput(scope, label).fill(typedDate(at, lang));
  await timeInput(scope, label, lang).fill(typedTime(at));
}
