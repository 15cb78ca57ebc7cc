import type { CaseKind, Channel, ConductRule, LocalizedText, RootCauseCategory, WorkflowDef } from '@pu/workflow';

/**
 * GET /api/workflows: the four workflows as data (steps, fields, guidance in Polish and English), the
 * conduct rules shown at every step, and the labels of channels and default root causes.
 */
export interface WorkflowCatalogResponse {
  kinds: readonly CaseKind[];
  workflows: Readonly<Record<CaseKind, WorkflowDef>>;
  conduct: readonly ConductRule[];
  channels: Readonly<Record<Channel, LocalizedText>>;
  rootCauses: readonly RootCauseCategory[];
}
