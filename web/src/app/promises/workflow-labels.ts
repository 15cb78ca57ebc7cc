import { Injectable, inject } from '@angular/core';
import type { CaseKindName, ChannelName } from '@pu/contracts';
import { localized } from '../shared/localized';
import { WorkflowCatalogApi } from '../workflows/workflow-catalog';

/**
 * Labels of case kinds, steps and channels as the API publishes them (Polish and English).
 * Until the catalog arrives (or when it cannot be fetched) lists show the plain ids instead of failing.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowLabels {
  private readonly workflows = inject(WorkflowCatalogApi);

  /** Start fetching (idempotent); call from a page's constructor. A failure is tried again on the next visit. */
  load(): void {
    this.workflows.catalog({ quiet: true }).subscribe({ error: () => undefined });
  }

  kind(kind: CaseKindName, lang: string): string {
    const title = this.workflows.current()?.workflows[kind]?.title;
    return title ? localized(title, lang) : kind;
  }

  step(kind: CaseKindName, stepId: string | null, lang: string): string {
    if (!stepId) {
      return '';
    }
    const step = this.workflows.current()?.workflows[kind]?.steps.find((s) => s.id === stepId);
    return step ? localized(step.title, lang) : stepId;
  }

  channel(channel: ChannelName, lang: string): string {
    const label = this.workflows.current()?.channels[channel];
    return label ? localized(label, lang) : channel;
  }
}
