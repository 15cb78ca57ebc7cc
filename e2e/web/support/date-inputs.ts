import type { Locator, Page } from '@playwright/test';

// The SPA's date fields (Material datepicker and timepicker): a date typed in the page's language, and for a
// date-time a second input named "<label>: Godzina" ("<label>: Time" in English).

type Scope = Page | Locator;
type Lang = 'pl' | 'en';
const pad = (n: number) => String(n).padStart(2, '0');
const TIME: Record<Lang, string> = { pl: 'Godzina', en: 'Time' };

/** A day as a clerk types it: 01.12.2026 in Polish, 01/12/2026 in English. */
export function typedDate(day: Date | string, lang: Lang = 'pl'): string {
  const [y, m, d] =
    typeof day === 'string' ? day.split('-').map(Number) : [day.getFullYear(), day.getMonth() + 1, day.getDate()];
  return [pad(d), pad(m), String(y)].join(lang === 'en' ? '/' : '.');
}

/** A time as typed, 24-hour, in this process's zone (the browser's). */
export const typedTime = (at: Date): string => `${pad(at.getHours())}:${pad(at.getMinutes())}`;

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
