import type { CaseKindName, ChannelName } from '@pu/contracts';
import type { Channel, LocalizedText, StepDef, WorkflowDef } from '@pu/workflow';
import { localized } from '../shared/localized';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';

/** Labels of kinds, steps and channels come from the workflow definitions the API publishes. */
export function kindTitle(catalog: WorkflowCatalog | null, kind: CaseKindName, lang: string): string {
  return catalog ? localized(catalog.workflows[kind].title, lang) : '';
}

export function stepDef(catalog: WorkflowCatalog | null, kind: CaseKindName, stepId: string): StepDef | undefined {
  return catalog?.workflows[kind].steps.find((s) => s.id === stepId);
}

export function stepTitle(catalog: WorkflowCatalog | null, kind: CaseKindName, stepId: string, lang: string): string {
  const step = stepDef(catalog, kind, stepId);
  return step ? localized(step.title, lang) : stepId;
}

export function stepTitles(def: WorkflowDef, ids: readonly string[], lang: string): string {
  return ids
    .map((id) => localized(def.steps.find((s) => s.id === id)?.title, lang) || id)
    .map((title) => (lang === 'en' ? `"${title}"` : `„${title}”`))
    .join(', ');
}

export function channelLabel(catalog: WorkflowCatalog | null, channel: ChannelName, lang: string): string {
  return catalog ? localized(catalog.channels[channel], lang) : channel;
}

/** The channels in the API's order, for selects. */
export function channelOptions(catalog: WorkflowCatalog | null): { value: Channel; label: LocalizedText }[] {
  return catalog
    ? (Object.entries(catalog.channels) as [Channel, LocalizedText][]).map(([value, label]) => ({ value, label }))
    : [];
}
