// Definitions and pure rules: no calendar data.
export * from './localized-text';
export * from './case-kinds';
export * from './workflow-types';
export * from './enums';
export { COMMON_CONDUCT } from './kinds/common-conduct';
export { COMPLAINT_WORKFLOW, COMPLAINT_FACTS } from './kinds/complaint.workflow';
export { OFFICE_ERROR_WORKFLOW, OFFICE_ERROR_FACTS } from './kinds/office-error.workflow';
export { REFUSAL_WORKFLOW, REFUSAL_FACTS } from './kinds/refusal.workflow';
export {
  AGGRESSIVE_CLIENT_WORKFLOW,
  AGGRESSIVE_CLIENT_FACTS,
  PROTEST_WORDING,
} from './kinds/aggressive-client.workflow';
export { REPEATABLE_COMPLAINT_OUTCOMES, repeatComplaintError, type RepeatedOriginal } from './kinds/complaint.rules';
export { followsRefusalError } from './kinds/refusal.rules';
export * from './case-limits';
export * from './case-rules';
export * from './case-outcome';
export * from './loop-recall';
export * from './workflows';
export * from './local-date';
export * from './date-format';
export * from './progress-types';
export { validateStepData, isPlainObject, type StepDataResult } from './step-data-validation';
export * from './progress';
export * from './promises';
export * from './assignment';
export * from './deadline-extension';
export * from './reference-number';
export * from './search-fold';

// Calendar (pulls in date-holidays data on first use only; modules have no import-time side effects).
export * from './calendar/warsaw-time';
export * from './calendar/polish-calendar';
export * from './calendar/legal-deadlines';
export * from './calendar/promise-due';
export * from './calendar/case-deadlines';
export * from './calendar/deadline-extension-day';
export * from './statistics/disclosure-control';
export * from './calendar/reminder-window';
export * from './calendar/workload';
export * from './calendar/report-period';
export * from './reports/report-fields';
