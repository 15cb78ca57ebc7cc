import type { LocalizedText } from './localized-text';

/**
 * Who may give a case to whom (standard 17 pt 7–10; the manager "assigns and transfers", domain.md). Pure rules:
 * the API resolves the people and departments and enforces these; the SPA shows only the actions they allow.
 *
 * - **transfer**: hand the case, with a note, to a person (in one's own or another department; the case moves
 *   to that person's department) or to a department (it waits there unassigned). The one who has the case may,
 *   and the manager of its department; anyone of the department may hand over a case nobody has yet.
 * - **assign**: the manager of the case's department gives it to someone of that department, or back to the
 *   department's unassigned cases.
 * - **take_over**: a clerk or manager takes an unassigned case of their own department.
 */
export type AssignmentAction = 'transfer' | 'assign' | 'take_over';

export interface AssignmentActor {
  id: string;
  role: string;
  departmentId: string;
}

export interface AssignmentCase {
  departmentId: string;
  assigneeId: string | null;
  status: 'open' | 'closed';
}

export interface AssignmentRefusal {
  /** FORBIDDEN: not this person's to do; CONFLICT: the case's state does not allow it now. */
  code: 'FORBIDDEN' | 'CONFLICT';
  message: LocalizedText;
}

const WORKERS = ['clerk', 'manager'];

const isDepartmentManager = (a: AssignmentActor, c: AssignmentCase) =>
  a.role === 'manager' && a.departmentId === c.departmentId;

/** Why `actor` may not do `action` on the case (before any target is looked at), or null when they may. */
export function assignmentRefusal(
  action: AssignmentAction,
  actor: AssignmentActor,
  kase: AssignmentCase,
): AssignmentRefusal | null {
  if (!WORKERS.includes(actor.role))
    return forbidden({
      pl: 'Sprawy przydzielają tylko urzędnicy i kierownicy.',
      en: 'Only clerks and managers assign cases.',
    });
  if (kase.status === 'closed')
    return {
      code: 'CONFLICT',
      message: {
        pl: 'Sprawa jest zamknięta: nie można jej już przekazać.',
        en: 'The case is closed: it can no longer be handed over.',
      },
    };
  switch (action) {
    case 'take_over':
      if (actor.departmentId !== kase.departmentId)
        return forbidden({
          pl: 'Przejąć można tylko sprawę swojego wydziału.',
          en: 'You can take over only a case of your own department.',
        });
      if (kase.assigneeId === actor.id)
        return conflict({ pl: 'Ta sprawa jest już przydzielona Tobie.', en: 'This case is already assigned to you.' });
      if (kase.assigneeId !== null)
        return conflict({
          pl: 'Sprawę prowadzi już inna osoba: przekazać ją może ta osoba albo kierownik wydziału.',
          en: 'Someone else already has this case: they or the department’s manager can hand it over.',
        });
      return null;
    case 'assign':
      if (!isDepartmentManager(actor, kase))
        return forbidden({
          pl: 'Sprawy przydziela kierownik wydziału, który je prowadzi.',
          en: 'Cases are assigned by the manager of the department that has them.',
        });
      return null;
    case 'transfer':
      if (
        isDepartmentManager(actor, kase) ||
        kase.assigneeId === actor.id ||
        (kase.assigneeId === null && actor.departmentId === kase.departmentId)
      )
        return null;
      return forbidden({
        pl: 'Przekazać sprawę może osoba, która ją prowadzi, albo kierownik wydziału.',
        en: 'A case can be handed over by the person who has it or by the department’s manager.',
      });
  }
}

/** Where a case ends up, given what was asked and the chosen person's department. */
export interface AssignmentTarget {
  departmentId: string;
  assigneeId: string | null;
}

/**
 * The target of a transfer: a person takes the case to their department; a department alone leaves it there
 * unassigned; neither (assignee null) puts it back among its department's unassigned cases. A field error
 * when the request contradicts itself or changes nothing.
 */
export function transferTarget(
  kase: AssignmentCase,
  asked: { departmentId?: string; assigneeId?: string | null },
  assigneeDepartmentId: string | null,
): { target: AssignmentTarget } | { field: 'departmentId' | 'assigneeId'; message: LocalizedText } {
  let target: AssignmentTarget;
  if (asked.assigneeId) {
    if (!assigneeDepartmentId)
      return {
        field: 'assigneeId',
        message: { pl: 'Wybierz aktywnego urzędnika lub kierownika.', en: 'Choose an active clerk or manager.' },
      };
    if (asked.departmentId && asked.departmentId !== assigneeDepartmentId)
      return {
        field: 'assigneeId',
        message: {
          pl: 'Ta osoba nie pracuje we wskazanym wydziale.',
          en: 'This person does not work in the department chosen.',
        },
      };
    target = { departmentId: assigneeDepartmentId, assigneeId: asked.assigneeId };
  } else if (asked.departmentId && asked.departmentId !== kase.departmentId) {
    target = { departmentId: asked.departmentId, assigneeId: null };
  } else if (asked.assigneeId === null) {
    target = { departmentId: kase.departmentId, assigneeId: null };
  } else {
    target = { departmentId: kase.departmentId, assigneeId: kase.assigneeId };
  }
  if (target.departmentId === kase.departmentId && target.assigneeId === kase.assigneeId)
    return {
      field: 'assigneeId',
      message: {
        pl: 'Wskaż inną osobę lub inny wydział niż obecne.',
        en: 'Choose a person or department other than the current one.',
      },
    };
  return { target };
}

/** The target of a manager's assignment: someone of the case's department, or nobody. */
export function assignTargetError(
  kase: AssignmentCase,
  assigneeId: string | null,
  assigneeDepartmentId: string | null,
): LocalizedText | null {
  if (assigneeId !== null && !assigneeDepartmentId)
    return { pl: 'Wybierz aktywnego urzędnika lub kierownika.', en: 'Choose an active clerk or manager.' };
  if (assigneeId !== null && assigneeDepartmentId !== kase.departmentId)
    return {
      pl: 'Przydzielić można osobie z wydziału prowadzącego sprawę; do innego wydziału sprawę się przekazuje.',
      en: 'Assign to someone of the department that has the case; to another department, hand it over instead.',
    };
  if (assigneeId === kase.assigneeId)
    return assigneeId === null
      ? { pl: 'Sprawa nie jest nikomu przydzielona.', en: 'The case is not assigned to anyone.' }
      : { pl: 'Sprawa jest już przydzielona tej osobie.', en: 'The case is already assigned to this person.' };
  return null;
}

const forbidden = (message: LocalizedText): AssignmentRefusal => ({ code: 'FORBIDDEN', message });
const conflict = (message: LocalizedText): AssignmentRefusal => ({ code: 'CONFLICT', message });
