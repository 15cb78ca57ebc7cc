import type { NotificationResponse } from '@pu/contracts';
import type { NotificationRow } from './notification-event';

export function toNotificationResponse(r: NotificationRow): NotificationResponse {
  return {
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    promiseId: r.promise_id,
    dueAt: r.due_at ? r.due_at.toISOString() : null,
    payload: r.payload,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

/** Opaque keyset cursor: the last row's time and id. */
export const encodeCursor = (r: NotificationRow): string =>
  Buffer.from(`${r.created_at.toISOString()}|${r.id}`).toString('base64url');

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return Number.isNaN(createdAt.getTime()) || !uuid.test(id ?? '') ? null : { createdAt, id };
}
