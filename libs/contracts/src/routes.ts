/** Route paths under the `/api` prefix, shared so the SPA never spells a URL by hand. */
export const API_PREFIX = 'api';

export const ROUTES = {
  auth: {
    login: 'auth/login',
    logout: 'auth/logout',
    me: 'auth/me',
  },
  admin: {
    users: 'admin/users',
    user: (id: string) => `admin/users/${id}`,
    userPassword: (id: string) => `admin/users/${id}/password`,
    departments: 'admin/departments',
    department: (id: string) => `admin/departments/${id}`,
    caseRegisters: 'admin/case-registers',
    caseRegister: (kind: string) => `admin/case-registers/${kind}`,
  },
  departments: 'departments',
  health: 'health',
  ready: 'health/ready',
  workflows: 'workflows',
  cases: 'cases',
  case: (id: string) => `cases/${id}`,
  caseStep: (id: string, stepId: string) => `cases/${id}/steps/${stepId}`,
  caseStepSkip: (id: string, stepId: string) => `cases/${id}/steps/${stepId}/skip`,
  caseStepReopen: (id: string, stepId: string) => `cases/${id}/steps/${stepId}/reopen`,
  caseClose: (id: string) => `cases/${id}/close`,
  caseTransfer: (id: string) => `cases/${id}/transfer`,
  caseDeadlineExtensions: (id: string) => `cases/${id}/deadline-extensions`,
  casePromises: (id: string) => `cases/${id}/promises`,
  promises: 'promises',
  promise: (id: string) => `promises/${id}`,
  caseHistory: (id: string) => `cases/${id}/history`,
  auditVerify: 'audit/verify',
  qualityReport: 'reports/quality',
  rootCauses: 'root-causes',
  rootCause: (code: string) => `root-causes/${code}`,
  improvementActions: 'improvement-actions',
  improvementAction: (id: string) => `improvement-actions/${id}`,
  /** `exports/<kind>.<format>`, e.g. `exports/complaints-register.csv` (libs/contracts exports.ts). */
  export: (kind: string, format: string) => `exports/${kind}.${format}`,
} as const;
