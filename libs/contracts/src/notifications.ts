/**
 * In-app notifications. Each kind is one event of one clock; the event key (`<kind>:<subject id>:<due ISO>`,
 * or `assigned:<caseId>:<caseVersion>`) makes it reach each person once.
 */
export const NOTIFICATION_KINDS = [
  /** The case's own date (complaint: art. 237 § 1; incident record) within the lead time. */
  'case_due_soon',
  'case_overdue',
  /** Office error: the target for informing the client (standard 21). */
  'inform_due_soon',
  'inform_overdue',
  /** Complaint outside the office's competence: forward within 7 days (KPA art. 231). */
  'forwarding_due_soon',
  /** Complaint of a councillor or MP: tell them within 14 days (KPA art. 237 § 2). */
  'councillor_reply_due_soon',
  'promise_due_soon',
  'promise_broken',
  /** A case was given to this person. */
  'assigned',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification shows without another request; never client contact details (standard 12). */
export interface NotificationPayload {
  caseReference?: string;
  caseSubject?: string;
  promiseDescription?: string;
  [key: string]: unknown;
}

export interface NotificationResponse {
  id: string;
  /** A kind added later still arrives; the SPA shows a generic text for one it does not know. */
  kind: string;
  caseId: string | null;
  promiseId: string | null;
  dueAt: string | null;
  payload: NotificationPayload;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationResponse[];
  unread: number;
  /** Opaque; pass as `before` for the next (older) page, absent on the last. */
  nextCursor?: string;
}

export interface UnreadCount {
  unread: number;
}
