import { message } from '../i18n/message';
import type { LocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import { addWorkingDays, nonWorkingReason, polishHolidayName, type NonWorkingReason } from './polish-calendar';
import { addCalendarDays, addCalendarMonths, endOfWarsawDay, warsawDate } from './warsaw-time';

export interface DeadlineShift {
  date: LocalDate;
  reason: NonWorkingReason;
  /** Polish name of the holiday. */
  holiday?: string;
}

export interface DeadlineComputation {
  /** Legal basis, e.g. 'KPA art. 237 § 1, art. 57 § 3–4'. */
  rule: string;
  /** Warsaw day of the event the period runs from (not itself counted, KPA art. 57 § 1). */
  from: LocalDate;
  /** Where the period ends before any move off a non-working day. */
  nominal: LocalDate;
  due: LocalDate;
  /** End of the due day in Warsaw, as an ISO instant. */
  dueAt: string;
  /**
   * Non-working days the deadline was moved across: for calendar periods, the days from `nominal`
   * up to `due` (art. 57 § 4); for working-day periods, the days skipped while counting.
   */
  shifts: DeadlineShift[];
  /** How it was computed, for the clerk and the client. */
  explanation: LocalizedText;
}

type Period = { months: number } | { days: number } | { workingDays: number };

interface RuleSpec {
  rule: string;
  /** Legal basis of the period itself, as cited in the explanation. */
  basis: LocalizedText;
  period: Period;
  /** The event, as it follows "from the day of" / "od dnia" (Polish genitive). */
  event: LocalizedText;
}

function periodText(period: Period): LocalizedText {
  if ('months' in period) return message('deadline.months', { n: period.months });
  if ('days' in period) return message('deadline.days', { n: period.days });
  return message('deadline.workingDays', { n: period.workingDays });
}

function shiftOf(date: LocalDate): DeadlineShift | null {
  const reason = nonWorkingReason(date);
  if (!reason) return null;
  const holiday = reason === 'holiday' ? polishHolidayName(date)?.pl : undefined;
  return { date, reason, ...(holiday ? { holiday } : {}) };
}

/** The days a deadline moved across, each with why it is not a working day, in both languages. */
function describeShifts(shifts: DeadlineShift[]): LocalizedText {
  const each = shifts.map((s) =>
    message('deadline.shift', {
      date: s.date,
      reason: s.reason,
      holiday: (s.reason === 'holiday' ? polishHolidayName(s.date) : undefined) ?? '',
    }),
  );
  return { pl: each.map((t) => t.pl).join(', '), en: each.map((t) => t.en).join(', ') };
}

function compute(spec: RuleSpec, eventAt: Date): DeadlineComputation {
  const from = warsawDate(eventAt);
  const period = periodText(spec.period);
  const head = message('deadline.head', { period, event: spec.event, from, basis: spec.basis });

  if ('workingDays' in spec.period) {
    const n = spec.period.workingDays;
    const due = addWorkingDays(from, n);
    const shifts: DeadlineShift[] = [];
    for (let d = addCalendarDays(from, 1); d <= due; d = addCalendarDays(d, 1)) {
      const s = shiftOf(d);
      if (s) shifts.push(s);
    }
    const skipped = describeShifts(shifts);
    return {
      rule: spec.rule,
      from,
      nominal: addCalendarDays(from, n),
      due,
      dueAt: endOfWarsawDay(due).toISOString(),
      shifts,
      explanation: message('deadline.byWorkingDays', { head, due, skipped }),
    };
  }

  let nominal: LocalDate;
  let counting: LocalizedText;
  if ('months' in spec.period) {
    nominal = addCalendarMonths(from, spec.period.months);
    const clamped = nominal.slice(8) !== from.slice(8);
    counting = clamped
      ? message('deadline.monthClamped', { day: Number(from.slice(8)) })
      : message('deadline.monthCounted');
  } else {
    nominal = addCalendarDays(from, spec.period.days);
    counting = message('deadline.dayCounted');
  }

  const shifts: DeadlineShift[] = [];
  let due = nominal;
  for (let s = shiftOf(due); s; s = shiftOf(due)) {
    shifts.push(s);
    due = addCalendarDays(due, 1);
  }
  const moved = describeShifts(shifts);
  return {
    rule: spec.rule,
    from,
    nominal,
    due,
    dueAt: endOfWarsawDay(due).toISOString(),
    shifts,
    explanation: message('deadline.byCalendar', { head, nominal, counting, moved, due }),
  };
}

/** A complaint is settled within one month of receipt (KPA art. 237 § 1). */
export function complaintDeadline(receivedAt: Date): DeadlineComputation {
  return compute(
    {
      rule: 'KPA art. 237 § 1, art. 57 § 3–4',
      basis: { pl: 'art. 237 § 1 KPA', en: 'KPA art. 237 § 1' },
      period: { months: 1 },
      event: { pl: 'wpływu skargi', en: 'receipt of the complaint' },
    },
    receivedAt,
  );
}

/** A deputy, senator or councillor who brought a complaint is told within 14 days how it stands (KPA art. 237 § 2). */
export function councillorReplyDeadline(receivedAt: Date): DeadlineComputation {
  return compute(
    {
      rule: 'KPA art. 237 § 2, art. 57 § 1 i 4',
      basis: {
        pl: 'art. 237 § 2 KPA – zawiadomienie posła, senatora lub radnego o stanie rozpatrywania skargi',
        en: 'KPA art. 237 § 2 – telling the deputy, senator or councillor how the complaint stands',
      },
      period: { days: 14 },
      event: { pl: 'wpływu skargi', en: 'receipt of the complaint' },
    },
    receivedAt,
  );
}

/** A complaint the office is not competent for goes to the competent body within 7 days (KPA art. 231). */
export function forwardingDeadline(receivedAt: Date): DeadlineComputation {
  return compute(
    {
      rule: 'KPA art. 231, art. 57 § 1 i 4',
      basis: {
        pl: 'art. 231 KPA – przekazanie organowi właściwemu',
        en: 'KPA art. 231 – forwarding to the competent body',
      },
      period: { days: 7 },
      event: { pl: 'wpływu skargi', en: 'receipt of the complaint' },
    },
    receivedAt,
  );
}

/** An appeal is lodged within 14 days of the decision's delivery (KPA art. 129 § 2). */
export function appealDeadline(deliveredAt: Date): DeadlineComputation {
  return compute(
    {
      rule: 'KPA art. 129 § 2, art. 57 § 1 i 4',
      basis: { pl: 'art. 129 § 2 KPA', en: 'KPA art. 129 § 2' },
      period: { days: 14 },
      event: { pl: 'doręczenia decyzji', en: 'delivery of the decision' },
    },
    deliveredAt,
  );
}

/**
 * Standard 21 wants the client told "niezwłocznie" (without delay); the office measures that
 * against a target in working days, one unless it decides otherwise.
 */
export function officeErrorInformDeadline(discoveredAt: Date, workingDays = 1): DeadlineComputation {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`workingDays must be a non-negative integer, got ${workingDays}`);
  return compute(
    {
      rule: 'Standard 21 (niezwłocznie)',
      basis: {
        pl: 'standard 21 – poinformuj klienta o pomyłce jak najszybciej',
        en: 'standard 21 – tell the client about the error as soon as possible',
      },
      period: { workingDays },
      event: { pl: 'stwierdzenia pomyłki', en: 'discovery of the error' },
    },
    discoveredAt,
  );
}

/** The office's own target for getting an aggressive-client incident on record while memories are fresh. */
export function incidentRecordDeadline(incidentAt: Date): DeadlineComputation {
  return compute(
    {
      rule: 'Standard 22 (zapis incydentu)',
      basis: { pl: 'cel wewnętrzny urzędu', en: "the office's internal target" },
      period: { workingDays: 1 },
      event: { pl: 'zdarzenia', en: 'the incident' },
    },
    incidentAt,
  );
}
