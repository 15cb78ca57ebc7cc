/** The four roles of domain.md. Every endpoint declares which of them may call it. */
export const ROLES = ['clerk', 'manager', 'quality', 'admin'] as const;
export type Role = (typeof ROLES)[number];
