import { formatDate } from '../date-format';
import type { LocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import { addWorkingDays, nonWorkingReason, polishHolidayName, type NonWorkingReason } from './polish-calendar';
import { addCalendarDays, addCalendarMonths, endOfWarsawDay, warsawDate } from './warsaw-time';

// Dates inside explanations in each language's one format (date-format.ts).
const fmt = (d: LocalDate) => formatDate(d, 'pl');
const fmtEn = (d: LocalDate) => formatDate(d, 'en');

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

const WEEKDAY_PL: Record<NonWorkingReason, string> = { saturday: 'sobota', sunday: 'niedziela', holiday: 'święto' };
const WEEKDAY_EN: Record<NonWorkingReason, string> = {
  saturday: 'a Saturday',
  sunday: 'a Sunday',
  holiday: 'a public holiday',
};

function polishCount(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (n === 1) return `${n} ${one}`;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

function periodText(period: Period): LocalizedText {
  if ('months' in period) {
    const n = period.months;
    return { pl: polishCount(n, 'miesiąc', 'miesiące', 'miesięcy'), en: n === 1 ? '1 month' : `${n} months` };
  }
  if ('days' in period) {
    const n = period.days;
    return { pl: polishCount(n, 'dzień', 'dni', 'dni'), en: n === 1 ? '1 day' : `${n} days` };
  }
  const n = period.workingDays;
  return {
    pl: polishCount(n, 'dzień roboczy', 'dni robocze', 'dni roboczych'),
    en: n === 1 ? '1 working day' : `${n} working days`,
  };
}

function shiftOf(date: LocalDate): DeadlineShift | null {
  const reason = nonWorkingReason(date);
  if (!reason) return null;
  const holiday = reason === 'holiday' ? polishHolidayName(date)?.pl : undefined;
  return { date, reason, ...(holiday ? { holiday } : {}) };
}

function describeShifts(shifts: DeadlineShift[]): LocalizedText {
  return {
    pl: shifts.map((s) => `${fmt(s.date)} to ${WEEKDAY_PL[s.reason]}${s.holiday ? ` (${s.holiday})` : ''}`).join(', '),
    en: shifts
      .map((s) => {
        const name = s.reason === 'holiday' ? polishHolidayName(s.date)?.en : undefined;
        return `${fmtEn(s.date)} is ${WEEKDAY_EN[s.reason]}${name ? ` (${name})` : ''}`;
      })
      .join(', '),
  };
}

function compute(spec: RuleSpec, eventAt: Date): DeadlineComputation {
  const from = warsawDate(eventAt);
  const period = periodText(spec.period);
  const head = {
    pl: `Termin: ${period.pl} od dnia ${spec.event.pl} ${fmt(from)} (${spec.basis.pl})`,
    en: `Deadline: ${period.en} from ${spec.event.en} on ${fmtEn(from)} (${spec.basis.en})`,
  };

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
      explanation: {
        pl: `${head.pl} – ${fmt(due)}.${shifts.length ? ` Pominięto dni wolne od pracy: ${skipped.pl}.` : ''}`,
        en: `${head.en} – ${fmtEn(due)}.${shifts.length ? ` Non-working days skipped: ${skipped.en}.` : ''}`,
      },
    };
  }

  let nominal: LocalDate;
  let counting: LocalizedText;
  if ('months' in spec.period) {
    nominal = addCalendarMonths(from, spec.period.months);
    const clamped = nominal.slice(8) !== from.slice(8);
    counting = clamped
      ? {
          pl: ` – w tym miesiącu nie ma ${Number(from.slice(8))}. dnia, więc termin upływa ostatniego dnia miesiąca (art. 57 § 3 KPA)`,
          en: ` – that month has no day ${Number(from.slice(8))}, so it ends on the month's last day (KPA art. 57 § 3)`,
        }
      : { pl: ' (art. 57 § 3 KPA)', en: ' (KPA art. 57 § 3)' };
  } else {
    nominal = addCalendarDays(from, spec.period.days);
    counting = {
      pl: ' (dnia, od którego liczy się termin, nie wlicza się – art. 57 § 1 KPA)',
      en: ' (the starting day is not counted – KPA art. 57 § 1)',
    };
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
    explanation: {
      pl:
        `${head.pl} – ${fmt(nominal)}${counting.pl}.` +
        (shifts.length ? ` ${moved.pl} – przesunięto na ${fmt(due)} (art. 57 § 4 KPA).` : ''),
      en:
        `${head.en} – ${fmtEn(nominal)}${counting.en}.` +
        (shifts.length ? ` ${moved.en} – moved to ${fmtEn(due)} (KPA art. 57 § 4).` : ''),
    },
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
