import { Injectable, inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import type { CaseResponse, HistoryEntry } from '@pu/contracts';
import { Observable, shareReplay, tap } from 'rxjs';
import { WorkflowCatalogApi } from '../workflows/workflow-catalog';
import { CasesApi } from './cases-api';

interface Prefetched {
  id: string;
  kase: Observable<CaseResponse> | null;
  history: Observable<HistoryEntry[]> | null;
}

/**
 * The case page's data, asked for as soon as the router knows which case opens: the case and the workflow
 * catalog travel while the page's code is still being fetched, not after it has arrived. The history follows
 * the case's answer (opening the case records a read, which the history then lists).
 */
@Injectable({ providedIn: 'root' })
export class CasePrefetch {
  private readonly api = inject(CasesApi);
  private readonly workflows = inject(WorkflowCatalogApi);
  private pending: Prefetched | null = null;

  start(id: string): void {
    // Quiet: a failure is the page's to show (it offers a retry), and the catalog client forgets it.
    this.workflows.catalog({ quiet: true }).subscribe({ error: () => undefined });
    const pending: Prefetched = { id, kase: null, history: null };
    const history = () => {
      pending.history = this.api.history(id).pipe(shareReplay(1));
      pending.history.subscribe({ error: () => undefined });
    };
    pending.kase = this.api.get(id).pipe(tap(history), shareReplay(1));
    pending.kase.subscribe({ error: () => undefined });
    this.pending = pending;
  }

  /** The case `start` asked for, once: every later read (a retry, a refresh) goes to the server again. */
  takeCase(id: string): Observable<CaseResponse> | null {
    return this.take(id, 'kase');
  }

  /** The history asked for after the case's answer, once. */
  takeHistory(id: string): Observable<HistoryEntry[]> | null {
    return this.take(id, 'history');
  }

  private take<K extends 'kase' | 'history'>(id: string, part: K): Prefetched[K] | null {
    const pending = this.pending;
    if (pending?.id !== id) {
      return null;
    }
    const taken = pending[part];
    pending[part] = null;
    return taken;
  }
}

/** On the case route: starts the page's requests before its code is loaded (the router loads it after guards). */
export const prefetchCase: CanActivateFn = (route) => {
  const id = route.paramMap.get('id');
  if (id) {
    inject(CasePrefetch).start(id);
  }
  return true;
};
