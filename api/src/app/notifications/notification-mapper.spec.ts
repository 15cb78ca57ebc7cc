import type { NotificationRow } from './notification-event';
import { decodeCursor, encodeCursor, toNotificationResponse } from './notification-mapper';

const row: NotificationRow = {
  id: '6f1c2d3e-4a5b-4c6d-8e7f-001122334455',
  user_id: '00000000-0000-4000-8000-000000000001',
  event_key: 'case_due_soon:x:2026-03-10T22:59:59.999Z',
  kind: 'case_due_soon',
  case_id: '00000000-0000-4000-8000-000000000002',
  promise_id: null,
  due_at: new Date('2026-03-10T22:59:59.999Z'),
  payload: { caseReference: 'SO.1510.1.2026' },
  created_at: new Date('2026-03-06T15:00:00.123Z'),
  read_at: null,
};

describe('notification cursor', () => {
  it('round-trips the last row’s time and id', () => {
    expect(decodeCursor(encodeCursor(row))).toEqual({ createdAt: row.created_at, id: row.id });
  });

  it.each(['', 'nonsense', Buffer.from('2026-03-06T15:00:00Z|not-a-uuid').toString('base64url')])(
    'refuses %p',
    (cursor) => {
      expect(decodeCursor(cursor)).toBeNull();
    },
  );
});

describe('toNotificationResponse', () => {
  it('gives instants as ISO text and never the event key or the user', () => {
    const response = toNotificationResponse(row);
    expect(response).toEqual({
      id: row.id,
      kind: 'case_due_soon',
      caseId: row.case_id,
      promiseId: null,
      dueAt: '2026-03-10T22:59:59.999Z',
      payload: { caseReference: 'SO.1510.1.2026' },
      createdAt: '2026-03-06T15:00:00.123Z',
      readAt: null,
    });
  });
});
