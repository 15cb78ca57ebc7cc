import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ROUTES, type NotificationPage, type UnreadCount } from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** The signed-in user's own notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(opts: { before?: string; unread?: boolean; limit?: number } = {}): Observable<NotificationPage> {
    let params = new HttpParams().set('limit', String(opts.limit ?? 30));
    if (opts.before) params = params.set('before', opts.before);
    if (opts.unread) params = params.set('unread', 'true');
    return this.http.get<NotificationPage>(apiUrl(ROUTES.notifications), { params });
  }

  unread(): Observable<UnreadCount> {
    return this.http.get<UnreadCount>(apiUrl(ROUTES.notificationsUnread));
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(apiUrl(ROUTES.notificationRead(id)), null);
  }

  markAllRead(): Observable<{ marked: number }> {
    return this.http.post<{ marked: number }>(apiUrl(ROUTES.notificationsReadAll), null);
  }

  /** Server-sent events of the unread count (the session cookie authenticates it, as every request). */
  streamUrl(): string {
    return apiUrl(ROUTES.notificationsStream);
  }
}
