import { Injectable } from '@angular/core';

const KEY = 'pu-case-list-return';
const LIST_PATH = '/sprawy';

/**
 * Where "back to the list" leads: the list (or board) as the clerk last left it, filters, sort and page
 * included. Kept in sessionStorage, so a reload of the case page still leads back to the same list.
 */
@Injectable({ providedIn: 'root' })
export class ListReturn {
  private url = read();

  /** Called by the list and the board with their current URL. */
  remember(url: string): void {
    if (!url.startsWith(LIST_PATH)) {
      return;
    }
    this.url = url;
    try {
      sessionStorage.setItem(KEY, url);
    } catch {
      // storage unavailable: the in-memory value still serves this tab
    }
  }

  /** Path and query parameters for a `routerLink` + `queryParams` pair. */
  target(): { path: string; queryParams: Record<string, string> } {
    const [path, query = ''] = this.url.split('?');
    return { path, queryParams: Object.fromEntries(new URLSearchParams(query)) };
  }
}

function read(): string {
  try {
    const url = sessionStorage.getItem(KEY);
    return url?.startsWith(LIST_PATH) ? url : LIST_PATH;
  } catch {
    return LIST_PATH;
  }
}
