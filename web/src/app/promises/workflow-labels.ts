import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { ROUTES, type CaseKindName, type ChannelName } from '@pu/contracts';
import type { CaseKind, Channel, LocalizedText, WorkflowDef } from '@pu/workflow';
import { apiUrl } from '../http/api-url';
import { handles } from '../http/handled-errors';
import { localized } from '../shared/localized';

/** The part of GET /api/workflows the deadline and promise lists need: names of kinds, steps and channels. */
interface WorkflowLabelsBody {
  workflows: Record<CaseKind, Pick<WorkflowDef, 'title' | 'steps'>>;
  channels: Record<Channel, LocalizedText>;
}

/**
 * Labels of case kinds, steps and channels as the API publishes them (Polish and English), fetched once.
 * Until they arrive (or when they cannot be fetched) lists show the plain ids instead of failing.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowLabels {
  private readonly http = inject(HttpClient);
  private readonly body = signal<WorkflowLabelsBody | null>(null);
  private requested = false;

  /** Start fetching (idempotent); call from a page's constructor. */
  load(): void {
    if (this.requested) {
      return;
    }
    this.requested = true;
    this.http.get<WorkflowLabelsBody>(apiUrl(ROUTES.workflows), { context: handles('*') }).subscribe({
      next: (body) => this.body.set(body),
      error: () => (this.requested = false), // the next page visit tries again; the ids stand in meanwhile
    });
  }

  kind(kind: CaseKindName, lang: string): string {
    const title = this.body()?.workflows[kind]?.title;
    return title ? localized(title, lang) : kind;
  }

  step(kind: CaseKindName, stepId: string | null, lang: string): string {
    if (!stepId) {
      return '';
    }
    const step = this.body()?.workflows[kind]?.steps.find((s) => s.id === stepId);
    return step ? localized(step.title, lang) : stepId;
  }

  channel(channel: ChannelName, lang: string): string {
    const label = this.body()?.channels[channel];
    return label ? localized(label, lang) : channel;
  }
}
