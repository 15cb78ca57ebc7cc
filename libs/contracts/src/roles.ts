/** The four roles of docs/domain.md (Roles). Every endpoint declares which of them may call it. */
export const ROLES = ['clerk', 'manager', 'quality', 'admin'] as const;
export type Role = (typeof ROLES)[number];
