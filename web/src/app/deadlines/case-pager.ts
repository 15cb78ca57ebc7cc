import { signal } from '@angular/core';
import type { CaseListItem, CaseListQuery } from '@pu/contracts';
import { Subscription } from 'rxjs';
import { DeadlinesApi } from './deadlines-api';

/** One keyset-paged list of cases: the first page, then "Więcej" appends the next one (the API's `nextCursor`). */
export class CasePager {
  readonly items = signal<CaseListItem[]>([]);
  readonly nextCursor = signal<string | null>(null);
  /** The first page is on its way (nothing to count yet). */
  readonly loading = signal(true);
  readonly loadingMore = signal(false);
  readonly failed = signal(false);
  private query: CaseListQuery | null = null;
  private subscription: Subscription | null = null;

  constructor(private readonly api: DeadlinesApi) {}

  /** Start over with a new query (another department, or a retry). */
  reset(query: CaseListQuery): void {
    this.query = query;
    this.items.set([]);
    this.nextCursor.set(null);
    this.fetch(undefined);
  }

  /** After a failure: the page that failed (the next one when some are shown already, else the first). */
  retry(): void {
    const cursor = this.nextCursor();
    if (cursor && this.items().length > 0) {
      this.fetch(cursor);
    } else if (this.query) {
      this.reset(this.query);
    }
  }

  /** The next page, appended; `loaded` runs once it is in `items`. */
  more(loaded?: () => void): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loadingMore()) {
      this.fetch(cursor, loaded);
    }
  }

  destroy(): void {
    this.subscription?.unsubscribe();
  }

  private fetch(cursor: string | undefined, loaded?: () => void): void {
    const query = this.query;
    if (!query) {
      return;
    }
    this.subscription?.unsubscribe();
    this.failed.set(false);
    (cursor ? this.loadingMore : this.loading).set(true);
    this.subscription = this.api.cases({ ...query, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loadingMore.set(false);
        loaded?.();
      },
      error: () => {
        this.loading.set(false);
        this.loadingMore.set(false);
        this.failed.set(true);
      },
    });
  }
}
