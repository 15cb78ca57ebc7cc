import type { EmailMode, UserLanguage } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

/** A notification that has no e-mail row yet, with what its e-mail needs (and nothing about the client). */
export interface UnmailedNotificationRow {
  id: string;
  user_id: string;
  kind: string;
  due_at: Date | null;
  case_id: string | null;
  case_reference: string | null;
  case_kind: string | null;
  email: string | null;
  email_mode: EmailMode;
  language: UserLanguage;
  disabled: boolean;
}

/**
 * Notifications created since `since` that no e-mail row records yet, oldest first. `email_deliveries` has a
 * unique `notification_id`, so this is an anti-join on that index; the window keeps old rows out of every scan.
 */
export function selectUnmailedNotifications(
  db: EntityManager,
  since: Date,
  limit: number,
): Promise<UnmailedNotificationRow[]> {
  return db.query(
    `SELECT n.id, n.user_id, n.kind, n.due_at, c.id AS case_id, c.reference AS case_reference,
            c.kind AS case_kind, u.email, u.email_mode, u.language, u.disabled
       FROM notifications n
       JOIN users u ON u.id = n.user_id
       LEFT JOIN promises p ON p.id = n.promise_id
       LEFT JOIN cases c ON c.id = COALESCE(n.case_id, p.case_id)
      WHERE n.created_at >= $1
        AND NOT EXISTS (SELECT 1 FROM email_deliveries d WHERE d.notification_id = n.id)
      ORDER BY n.created_at, n.id
      LIMIT $2`,
    [since, limit],
  );
}
