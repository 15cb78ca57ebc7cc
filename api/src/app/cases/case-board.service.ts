import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseBoard, CaseBoardCard } from '@pu/contracts';
import { calendarDaysUntil, workflowOf } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import { Clock } from '../common/clock';
import { validationFailed } from '../common/domain-error';
import { type BoardCardRow, selectBoardCards, selectBoardCounts } from './case-board.queries';
import type { CaseListQueryDto } from './dto/case-list-query.dto';

/** Cards shown per column; the count says how many more there are (the list shows them all). */
export const BOARD_CARDS_PER_COLUMN = 25;

/** A kind's open cases as cards in the columns of its steps, filtered as the list is. */
@Injectable()
export class CaseBoardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async board(user: SessionUser, q: CaseListQueryDto): Promise<CaseBoard> {
    const kind = q.kind;
    if (!kind)
      throw validationFailed(
        { kind: ['Wybierz rodzaj sprawy: tablica pokazuje kroki jednego rodzaju.'] },
        'Wybierz rodzaj sprawy.',
      );
    const steps = workflowOf(kind).steps.map((s) => s.id);
    const now = this.clock.now();
    const counts = await selectBoardCounts(this.db.manager, user, kind, q, now);
    const cards = await selectBoardCards(this.db.manager, user, kind, steps, BOARD_CARDS_PER_COLUMN, q, now);
    const count = new Map(counts.map((r) => [r.step, r.n]));
    return {
      kind,
      cardsPerColumn: BOARD_CARDS_PER_COLUMN,
      columns: [...steps, ''].map((step) => ({
        stepId: step || null,
        count: count.get(step) ?? 0,
        cards: cards.filter((r) => r.step === step).map((r) => toCard(r, now)),
      })),
    };
  }
}

function toCard(r: BoardCardRow, now: Date): CaseBoardCard {
  const due = r.due_at === null ? null : new Date(r.due_at);
  return {
    id: r.id,
    reference: r.reference,
    subject: r.subject,
    clientName: r.client_name,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    dueAt: r.due_at,
    daysLeft: due ? calendarDaysUntil(now, due) : null,
    overdue: due !== null && due.getTime() < now.getTime(),
    version: r.version,
  };
}
