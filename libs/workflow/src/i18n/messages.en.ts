import { formatDate } from '../date-format';
import type { pl } from './messages.pl';

// The English message catalogue: the same keys and parameters as messages.pl.ts (a missing one fails to compile).

const q = (s: string) => `“${s}”`;
const list = (items: readonly string[]) => items.map(q).join(', ');
const day = (d: string) => formatDate(d, 'en');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const NON_WORKING: Record<string, string> = { saturday: 'a Saturday', sunday: 'a Sunday', holiday: 'a public holiday' };

export const en: { readonly [K in keyof typeof pl]: (typeof pl)[K] } = {
  'http.badRequest': () => 'Invalid request.',
  'http.unauthenticated': () => 'Your session has expired or you are not signed in. Please sign in again.',
  'http.forbidden': () => 'You are not allowed to do this.',
  'http.notFound': () => 'Not found.',
  'http.methodNotAllowed': () => 'This operation is not available at this address.',
  'http.payloadTooLarge': () => 'The data sent is too large.',
  'http.unsupportedMediaType': () => 'The data must be sent as JSON.',
  'http.tooManyAttempts': () => 'Too many attempts. Please try again in a moment.',
  'http.malformedJson': () => 'The request body is not valid JSON.',
  'http.databaseUnavailable': () => 'The database is briefly unavailable. Please try again in a few seconds.',
  'http.exportsBusy': (p: { limit: number; retryAfterSeconds: number }) =>
    `Other register downloads are running (at most ${p.limit} at once). Please try again in ${p.retryAfterSeconds} s.`,
  'http.databaseDown': () => 'The database is unavailable.',
  'http.internalError': (p) =>
    `An unexpected error occurred. Give the administrator this request id: ${p.requestId || 'none'}.`,
  'http.urlTooLong': () => 'The address is too long.',
  'http.malformedUrl': () => 'The request address is malformed.',
  'http.requestTimeout': () => 'The request did not arrive in full in time. Check the connection and try again.',
  'http.headersTooLarge': () => 'The request headers are too large.',
  'http.operationUnavailable': () => 'This operation is not available.',
  'http.jsonTooDeep': (p) => `The request body is nested too deeply (at most ${p.max} levels).`,
  'http.jsonTooManyKeys': (p) => `The request body has too many fields (at most ${p.max}).`,
  'http.invalidCursor': () => 'Invalid page cursor — start from the first page.',
  'http.invalidCursorField': () => 'Invalid cursor.',
  'http.ifMatchMissing': () => 'The If-Match header with the record version is missing: reload and try again.',
  'http.ifMatchFormat': () => 'The If-Match header must hold the record version, e.g. "3".',
  'http.staleVersion': () =>
    'Someone else changed this record in the meantime. Reload — your changes were not saved, you can enter them again.',
  'http.idempotencyKeyFormat': () => 'Idempotency-Key header: 8–200 characters (letters, digits, . _ : -).',
  'http.idempotencyKeyInvalid': () => 'Invalid key.',
  'http.idempotencyKeyReused': () =>
    'This Idempotency-Key was already used for another request. Generate a new key for a new operation.',
  'auth.csrfForeign': (p) =>
    `The CSRF protection token does not belong to this session (e.g. it dates from before signing in): reload the page and try again (the ${p.header} header must repeat the ${p.cookie} cookie issued after signing in).`,
  'auth.csrfMissing': (p) =>
    `The CSRF protection token is missing or invalid: reload the page and try again (the ${p.header} header must repeat the ${p.cookie} cookie).`,
  'auth.throttled': () => 'Too many failed sign-in attempts. Wait 15 minutes or ask the administrator for help.',
  'auth.invalidCredentials': () => 'Wrong user name or password.',

  'validation.fixFields': () => 'Correct the highlighted fields.',
  'validation.unknownField': () => 'Unknown field — remove it from the request.',
  'validation.invalid': () => 'Invalid value.',
  'validation.required': () => 'This field is required.',
  'validation.string': () => 'The value must be text.',
  'validation.boolean': () => 'The value must be true or false.',
  'validation.int': () => 'The value must be a whole number.',
  'validation.number': () => 'The value must be a number.',
  'validation.uuid': () => 'Invalid identifier.',
  'validation.email': () => 'Invalid e-mail address.',
  'validation.in': (p) => `Allowed values: ${p.values}.`,
  'validation.enum': () => 'Value not allowed.',
  'validation.dateString': () => 'Invalid date (ISO 8601 expected).',
  'validation.iso8601': () => 'Invalid date (ISO 8601 expected, e.g. 2026-11-30T09:00:00+01:00).',
  'validation.minLength': (p) => `Too short — at least ${p.n} characters.`,
  'validation.maxLength': (p) => `Too long — at most ${p.n} characters.`,
  'validation.min': (p) => `The value may not be less than ${p.n}.`,
  'validation.max': (p) => `The value may not be greater than ${p.n}.`,
  'validation.matches': () => 'Invalid format.',
  'validation.array': () => 'The value must be a list.',
  'validation.arrayMaxSize': (p) => `At most ${p.n} items.`,
  'validation.object': () => 'The value must be an object.',
  'validation.controlChars': () =>
    'The text contains control characters that are not allowed — remove them and try again.',
  'validation.yearOutOfRange': (p) => `Year outside ${p.min}–${p.max} — check the date.`,
  'validation.badInstant': () =>
    'Invalid date and time: give it with seconds and a time zone, e.g. 2026-11-30T09:00:00+01:00 or 2026-11-30T08:00:00Z (RFC 3339).',
  'validation.badDay': (p) => `Invalid date: give an existing day as YYYY-MM-DD between ${p.min} and ${p.max}.`,
  'validation.password': (p) => `Password: ${p.min} to ${p.max} characters.`,
  'validation.username': () => 'User name: 3–50 characters, lower-case letters, digits, dot, hyphen or underscore.',
  'validation.jrwaSymbol': () => 'JRWA symbol: letters, digits, dot or hyphen, up to 20 characters, e.g. "1510".',
  'validation.departmentSymbol': () =>
    'Department symbol: capital letters, digits or hyphen, up to 10 characters, e.g. "OR".',

  'audit.altered': (p) => `Entry ${p.seq} of the chain was changed after it was written.`,
  'audit.missing': (p) => `Entry ${p.seq} of the chain is missing: entries were deleted.`,
  'audit.inserted': (p) => `Entry ${p.seq} of the chain was inserted outside the application.`,
  'audit.unlinked': (p) => `Entry ${p.seq} does not point at the entry before it.`,

  'user.notFound': () => 'User not found.',
  'user.duplicate': (p) => `User ${p.username} already exists.`,
  'user.usernameTaken': () => 'This user name is already taken.',
  'user.selfLockout': () => 'You cannot disable your own account or take away your own administrator role.',
  'department.notFound': () => 'Department not found.',
  'department.duplicate': (p) => `A department with the symbol ${p.symbol} already exists.`,
  'department.symbolTaken': () => 'This symbol is already taken.',
  'department.chooseActive': () => 'Choose an existing, active department.',
  'register.clash': (p) =>
    `Case references would repeat those of the ${p.kind} register: change the JRWA symbol or the format.`,
  'register.ofComplaints': () => 'complaints',
  'register.ofOfficeErrors': () => 'office errors',
  'register.ofRefusals': () => 'refusal decisions',
  'register.ofIncidents': () => 'aggressive-client incidents',
  'register.notFound': () => 'No such case register.',
  'board.chooseKind': () => 'Choose the kind of case.',
  'board.chooseKindField': () => 'Choose the kind of case: the board shows the steps of one kind.',
  'reference.formatRequired': () => 'Give the case reference format.',
  'reference.unknownTokens': (p) =>
    `Unknown fields in the format: ${p.tokens}. Allowed: {department}, {jrwa}, {n}, {yyyy}.`,
  'reference.unpairedBrace': () => 'Unpaired curly brace in the format.',
  'reference.formatPieces': () =>
    'The format must contain the department symbol {department}, the register number {n} and the year {yyyy}, or case references will repeat.',
  'reference.formatTooLong': (p) => `The format may have at most ${p.max} characters.`,

  'case.notFound': () => 'Case not found, or you have no access to it.',
  'case.closed': () => 'The case is closed: it can no longer be changed.',
  'case.ownDepartment': () =>
    'A case is registered in your own department; it can then be transferred to the right department.',
  'case.assigneeInactive': () => 'Choose an active clerk or manager.',
  'case.assigneeOtherDepartment': () => 'This person does not work in the department handling the case.',
  'case.transferSame': () => 'Choose a different person or department from the current ones.',
  'case.noMainDeadline': () => 'This case has no settlement deadline that could be extended.',
  'case.discoveredAtRequired': () => 'Give the time the error was found: the time to inform the client runs from then.',
  'case.nameOrAddressOnCreate': () =>
    "Give the client's name or address: without them only an anonymous complaint can be registered.",
  'case.nameOrAddress': () => "Give the client's name or address.",
  'case.receivedInFuture': () => 'The date received cannot be in the future.',
  'case.anonymityFrozen': () => "A complaint's anonymity cannot be changed once its outcome is recorded.",
  'case.noEvent': () => 'This kind of case has no such event.',
  'complaint.anonymousOnlyLeft': () => 'An anonymous complaint can only be left without consideration.',
  'complaint.maintainedOnlyRepeated': () =>
    'Maintaining the position (KPA art. 239) applies only to a repeated complaint – first link the earlier complaint to the case.',
  'complaint.repeatOnlyComplaint': () => 'Only a complaint can be repeated.',
  'complaint.originalNotFound': () => 'The original complaint was not found.',
  'complaint.originalNotComplaint': () => 'The case given is not a complaint.',
  'complaint.originalNotEarlier': () => 'The original complaint must have been received before the one repeating it.',
  'complaint.originalNotUnfounded': () =>
    'The original complaint was not found unfounded (KPA art. 239 concerns unfounded complaints).',
  'refusal.notFound': () => 'The refusal case was not found.',
  'refusal.followsOnlyRefusal': () => 'An appeal or complaint can only follow a refusal decision.',
  'incident.protestRequired': () =>
    'The client was vulgar or insulted you again – standard 22 then requires a firm, calm protest. Enter when it was made.',

  'workflow.caseClosed': () => 'The case is closed – nothing in it can be changed.',
  'workflow.unknownStep': (p) => `A case of type ${q(p.kind)} has no step ${q(p.step)}.`,
  'workflow.alreadyDone': (p) =>
    `Step ${q(p.step)} is already ${p.skipped ? 'skipped' : 'done'}. To change it, reopen it (the last step done can be reopened).`,
  'workflow.blocked': (p) =>
    `Step ${q(p.step)} is not available yet. First do: ${list(p.missing)}.` +
    (p.early.length ? ` Before that only the decision can be recorded: ${list(p.early)}.` : ''),
  'workflow.waived': (p) =>
    `Step ${q(p.step)} is no longer needed – the case has a decision recorded in step ${q(p.earlyStep)}. To do it, first reopen that step.`,
  'workflow.notOptional': (p) => `Step ${q(p.step)} is required – it cannot be skipped.`,
  'workflow.promiseRequired': (p) =>
    `Step ${q(p.step)} needs at least one promise to the client (what, by when, how). Add a promise to the case and try again.`,
  'workflow.nothingToReopen': () => 'There is no step to reopen.',
  'workflow.notLast': (p) => `Only the last step done can be reopened: ${q(p.step)}.`,
  'workflow.incomplete': (p) =>
    `The case cannot be closed – ${[
      ...(p.notDone.length ? [`steps missing: ${list(p.notDone)}`] : []),
      ...(p.withoutPromise.length
        ? [`step ${list(p.withoutPromise)} needs a promise to the client, and the case has none`]
        : []),
    ].join('; ')}.`,
  'workflow.skipReasonRequired': () => 'Give the reason for skipping the step.',
  'workflow.skipReasonTooLong': (p) => `The reason is too long (${p.max} characters allowed).`,

  'step.fixData': () => 'Correct the step data.',
  'step.notObject': () => 'Step data must be an object (field → value).',
  'step.unknownStep': (p) => `Unknown step ${q(p.step)}.`,
  'step.unknownField': () => 'Unknown field – this step does not have it.',
  'step.required': () => 'This field is required.',
  'step.requiredWhen': (p) => `This field is required when ${q(p.label)} is ${q(p.value)}.`,
  'step.yes': () => 'yes',
  'step.no': () => 'no',
  'step.notText': () => 'Text expected.',
  'step.controlChars': () => 'The text contains control characters that are not allowed.',
  'step.tooLong': (p) => `The text is too long: ${p.length} characters, ${p.max} allowed.`,
  'step.notBoolean': () => 'A yes/no answer expected.',
  'step.mustBeTrue': () => 'Tick the confirmation – without it the step is not done.',
  'step.badChoice': () => 'Value not allowed – choose one from the list.',
  'step.badDate': () => 'Invalid date (YYYY-MM-DD expected, e.g. 2026-03-15).',
  'step.badDateTime': () => 'Invalid date and time (ISO 8601 with a zone expected, e.g. 2026-03-15T10:30:00+01:00).',
  'step.notList': () => 'A list of events expected.',
  'step.tooMany': (p) => `Too many events (at most ${p.max}).`,
  'step.event': (p) => `Event ${p.n}: ${p.detail}`,
  'step.eventNotObject': () => 'an object {kind, at, note} expected.',
  'step.eventUnknownKey': (p) => `unknown field ${q(p.key)}.`,
  'step.eventKind': () => 'unknown kind of event.',
  'step.eventAt': () => 'missing or invalid time (ISO 8601 with a zone).',
  'step.eventNote': (p) => `note – ${p.detail.charAt(0).toLowerCase()}${p.detail.slice(1)}`,
  'step.notComputed': (p) => `This date follows from the law (${p.rule}): ${day(p.due)}. Give the client this date.`,

  'promise.notFound': () => 'Promise not found, or you have no access to it.',
  'promise.caseClosed': () => 'The case is closed: no promise can be added.',
  'promise.dueInPast': () => "The promise's due time cannot be in the past.",
  'promise.ownDepartmentOnly': () => "You see only your own department's promises.",
  'promise.allDepartmentsQualityOnly': () => "Only the quality officer sees every department's promises.",
  'promise.alreadyKept': () => 'The promise is already kept: it cannot be changed.',
  'promise.keptIrreversible': () => 'Keeping a promise cannot be undone; if it was a mistake, add a new promise.',
  'promise.keptAtInFuture': () => 'The time kept cannot be in the future.',
  'promise.keptBeforeCreated': () => 'A promise cannot be kept before it was made.',
  'promise.keptAndReschedule': () => 'A promise cannot be kept and rescheduled at the same time.',
  'promise.toldAtNeedsDueAt': () => "Give the promise's new due time (dueAt) that the client was told.",
  'promise.noChange': () => 'No change given.',
  'promise.badNewDue': () => 'Invalid date and time of the new due time.',
  'promise.newDueNotLater': () => 'The new due time must be later than the current one.',
  'promise.tellClientFirst': () =>
    'First contact the client and give them the new date (standard 17 item 4), then record when that was done.',
  'promise.badToldAt': () => 'Invalid date and time.',
  'promise.toldAtInFuture': () => 'The time the client was told cannot be in the future.',

  'deadline.months': (p) => plural(p.n, 'month', 'months'),
  'deadline.days': (p) => plural(p.n, 'day', 'days'),
  'deadline.workingDays': (p) => plural(p.n, 'working day', 'working days'),
  'deadline.head': (p) => `Deadline: ${p.period} from ${p.event} on ${day(p.from)} (${p.basis})`,
  'deadline.shift': (p) =>
    `${day(p.date)} is ${NON_WORKING[p.reason] ?? p.reason}${p.holiday ? ` (${p.holiday})` : ''}`,
  'deadline.byWorkingDays': (p) =>
    `${p.head} – ${day(p.due)}.${p.skipped ? ` Non-working days skipped: ${p.skipped}.` : ''}`,
  'deadline.byCalendar': (p) =>
    `${p.head} – ${day(p.nominal)}${p.counting}.` +
    (p.moved ? ` ${p.moved} – moved to ${day(p.due)} (KPA art. 57 § 4).` : ''),
  'deadline.monthClamped': (p) =>
    ` – that month has no day ${p.day}, so it ends on the month's last day (KPA art. 57 § 3)`,
  'deadline.monthCounted': () => ' (KPA art. 57 § 3)',
  'deadline.dayCounted': () => ' (the starting day is not counted – KPA art. 57 § 1)',

  'extension.badCurrentDue': () => 'Invalid current deadline.',
  'extension.badNewDue': () => 'Invalid date (YYYY-MM-DD expected).',
  'extension.newDueNotLater': (p) => `The new deadline must be later than the current one (${day(p.current)}).`,
  'extension.reasonRequired': () => 'Give the reason for the delay – the client must be told it (KPA art. 36 § 1).',
  'extension.reasonTooLong': (p) => `The reason is too long (${p.max} characters allowed).`,
  'extension.tellClientFirst': () =>
    'First notify the client of the reason for the delay and the new date (KPA art. 36 § 1), then record when that was done.',
  'extension.badToldAt': () => 'Invalid date and time of the notice.',
  'extension.toldAtInFuture': () => 'The time the client was notified cannot be in the future.',
  'extension.nonWorkingDay': () => 'The new deadline falls on a non-working day — choose a working day.',
  'extension.explanation': (p) => `${p.before} Extended to ${day(p.newDue)} (KPA art. 36).`,
};
