import { DestroyRef, Pipe, PipeTransform, Signal, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far a due time is from now, in the largest unit that reads naturally. */
export interface RelativeDue {
  overdue: boolean;
  unit: 'now' | 'minutes' | 'hours' | 'days';
  count: number;
}

export function relativeDue(dueAt: string, now: number): RelativeDue | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) {
    return null;
  }
  const diff = due - now;
  const overdue = diff < 0;
  const abs = Math.abs(diff);
  // Minutes and hours to the nearest (a call-back due in 2 h 59 min is "za 3 h"); whole days elapsed or left.
  const minutes = Math.round(abs / MINUTE);
  const hours = Math.round(abs / HOUR);
  if (minutes < 1) {
    return { overdue, unit: 'now', count: 0 };
  }
  if (minutes < 60) {
    return { overdue, unit: 'minutes', count: minutes };
  }
  if (hours < 24) {
    return { overdue, unit: 'hours', count: hours };
  }
  return { overdue, unit: 'days', count: Math.max(1, Math.floor(abs / DAY)) };
}

/** "za 3 h", "2 dni po terminie", "in 3 h", "2 days overdue" — plural forms by the language's rules. */
export function formatRelativeDue(transloco: TranslocoService, dueAt: string, now: number): string {
  const rel = relativeDue(dueAt, now);
  if (!rel) {
    return '';
  }
  if (rel.unit === 'now') {
    return transloco.translate('promises.relative.now');
  }
  const lang = transloco.getActiveLang();
  const form = new Intl.PluralRules(lang === 'en' ? 'en-GB' : 'pl-PL').select(rel.count);
  const unit = rel.unit === 'days' ? `days.${form}` : rel.unit;
  return transloco.translate(`promises.relative.${rel.overdue ? 'overdue' : 'left'}.${unit}`, { count: rel.count });
}

/** `{{ p.dueAt | relativeDue: now() : lang() }}` — `now` and `lang` as arguments keep the pipe pure. */
@Pipe({ name: 'relativeDue' })
export class RelativeDuePipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(dueAt: string | null | undefined, now: number, lang: string): string {
    void lang; // an argument only so the text follows a language switch
    return dueAt ? formatRelativeDue(this.transloco, dueAt, now) : '';
  }
}

/** The current time, refreshed every half minute while the component lives (relative due times stay true). */
export function tickingNow(periodMs = 30_000): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
