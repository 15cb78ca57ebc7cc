import type { NotificationKind, NotificationPayload } from '@pu/contracts';

/**
 * One thing that happened, for one person. `eventKey` names the event, not the delivery: the same key for the
 * same person is stored once (UNIQUE (user_id, event_key)), so a writer that runs twice notifies once. Put the
 * date that is due (or the version that changed) in the key, so that a moved date is a new event.
 */
export interface NotificationEvent {
  userId: string;
  eventKey: string;
  kind: NotificationKind;
  caseId?: string | null;
  promiseId?: string | null;
  dueAt?: Date | null;
  payload?: NotificationPayload;
}

/** A `notifications` row. */
export interface NotificationRow {
  id: string;
  user_id: string;
  event_key: string;
  kind: string;
  case_id: string | null;
  promise_id: string | null;
  due_at: Date | null;
  payload: NotificationPayload;
  created_at: Date;
  read_at: Date | null;
}

/** `<kind>:<subject id>:<due instant>`: the key of a clock's event. */
export const clockEventKey = (kind: NotificationKind, subjectId: string, dueAt: Date): string =>
  `${kind}:${subjectId}:${dueAt.toISOString()}`;
