import type { ExportQuery } from '@pu/contracts';
import type { SessionUser } from '../auth/session-user';
import { DomainError, forbidden, validationFailed } from '../common/domain-error';
import type { ExportPeriod, ExportScope } from './exports.queries';

const BOTH_FORMS = {
  pl: 'Podaj rok albo zakres dat od–do, nie oba naraz.',
  en: 'Give a year or a from–to range, not both.',
};

/** `year` or `from` + `to` (inclusive Warsaw days), exactly one of them. */
export function exportPeriod(query: ExportQuery): ExportPeriod {
  const { year, from, to } = query;
  if (year !== undefined) {
    if (from !== undefined || to !== undefined) throw validationFailed({ year: [BOTH_FORMS.pl] }, BOTH_FORMS.pl);
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? 'from' : 'to';
    const text = {
      pl: 'Podaj rok (year) albo obie daty: od (from) i do (to).',
      en: 'Give a year, or both dates: from and to.',
    };
    throw new DomainError('VALIDATION_FAILED', text, { [missing]: [text.pl] });
  }
  if (from > to) {
    const text = { pl: 'Data „od” nie może być późniejsza niż data „do”.', en: '"From" cannot be after "to".' };
    throw new DomainError('VALIDATION_FAILED', text, { to: [text.pl] });
  }
  return { from, to };
}

/**
 * Standard 12 and the access rule: the quality officer exports the whole office (or one department
 * of it), a manager only their own department; clerks and the administrator never reach this (@Roles).
 */
export function exportScope(user: SessionUser, query: ExportQuery): ExportScope {
  if (user.role === 'quality') return { departmentId: query.departmentId ?? null };
  if (user.role === 'manager') {
    if (query.departmentId && query.departmentId !== user.department.id) {
      throw new DomainError('FORBIDDEN', {
        pl: 'Kierownik eksportuje wyłącznie dane swojego wydziału.',
        en: "A manager exports their own department's data only.",
      });
    }
    return { departmentId: user.department.id };
  }
  throw forbidden();
}
