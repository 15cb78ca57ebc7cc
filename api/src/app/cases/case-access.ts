import type { SessionUser } from '../auth/session-user';

/**
 * Standard 12: clerks and managers see their department's cases and the cases assigned to them; the quality
 * officer reads all. Returns a SQL condition on alias `c` with its parameters numbered from `from`.
 * (Administrators never reach case endpoints: their role is not allowed there.)
 */
export function caseAccessCondition(user: SessionUser, from: number): { sql: string; params: unknown[] } {
  if (user.role === 'quality') return { sql: 'TRUE', params: [] };
  return { sql: `(c.department_id = $${from} OR c.assignee_id = $${from + 1})`, params: [user.department.id, user.id] };
}

/** Only those who work the case (not the quality officer, who only reads) may change it. */
export const CASE_WORKERS = ['clerk', 'manager'] as const;
export const CASE_READERS = ['clerk', 'manager', 'quality'] as const;
