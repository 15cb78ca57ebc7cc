import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseKindName } from '@pu/contracts';
import { followsRefusalError, repeatComplaintError } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import { validationFailed } from '../common/domain-error';

interface LinkFacts {
  assignee: { role: string; department_id: string; disabled: boolean } | null;
  repeat_of: { kind: string; outcome: string | null; visible: boolean; received_at: string } | null;
  follows: { kind: string; visible: boolean } | null;
  department_active: boolean | null;
}

/**
 * Checks the people and cases a case points to, in one query: an assignee who can work cases in the
 * department, the original of a repeated complaint, the refusal an appeal follows.
 */
@Injectable()
export class CaseLinks {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async validate(
    user: SessionUser,
    links: {
      kind: CaseKindName;
      departmentId?: string;
      assigneeId?: string | null;
      repeatOfCaseId?: string | null;
      followsCaseId?: string | null;
      selfId?: string;
      /** A department the case is being moved to. */
      targetDepartmentId?: string;
      /** When this case was received: a repeated complaint comes after its original. */
      receivedAt?: Date;
    },
  ): Promise<void> {
    const { assigneeId, repeatOfCaseId, followsCaseId, targetDepartmentId } = links;
    if (!assigneeId && !repeatOfCaseId && !followsCaseId && !targetDepartmentId) return;
    const visible = `(department_id = $4 OR assignee_id = $5 OR $7)`;
    const rows: LinkFacts[] = await this.db.query(
      `SELECT (SELECT row_to_json(u) FROM (SELECT role, department_id, disabled FROM users WHERE id = $1) u) AS assignee,
              (SELECT row_to_json(c) FROM (SELECT kind, outcome, received_at, ${visible} AS visible FROM cases WHERE id = $2) c) AS repeat_of,
              (SELECT row_to_json(c) FROM (SELECT kind, ${visible} AS visible FROM cases WHERE id = $3) c) AS follows,
              (SELECT active FROM departments WHERE id = $6) AS department_active`,
      [
        assigneeId ?? null,
        repeatOfCaseId ?? null,
        followsCaseId ?? null,
        user.department.id,
        user.id,
        targetDepartmentId ?? null,
        user.role === 'quality',
      ],
    );
    const facts = rows[0];
    const fields: Record<string, string[]> = {};
    if (targetDepartmentId && facts.department_active !== true)
      fields['departmentId'] = ['Wybierz istniejący, aktywny wydział.'];
    if (assigneeId) {
      const a = facts.assignee;
      if (!a || a.disabled || !['clerk', 'manager'].includes(a.role))
        fields['assigneeId'] = ['Wybierz aktywnego urzędnika lub kierownika.'];
      else if (links.departmentId && a.department_id !== links.departmentId)
        fields['assigneeId'] = ['Ta osoba nie pracuje w wydziale prowadzącym sprawę.'];
    }
    if (repeatOfCaseId) {
      const r = facts.repeat_of;
      const seen = r && r.visible && repeatOfCaseId !== links.selfId ? r : null;
      const original = seen
        ? { kind: seen.kind as CaseKindName, outcome: seen.outcome, receivedAt: new Date(seen.received_at) }
        : null;
      const problem = repeatComplaintError(links.kind, original, links.receivedAt);
      if (problem) fields['repeatOfCaseId'] = [problem];
    }
    if (followsCaseId) {
      const f = facts.follows;
      const problem = followsRefusalError(
        f && f.visible && followsCaseId !== links.selfId ? { kind: f.kind as CaseKindName } : null,
      );
      if (problem) fields['followsCaseId'] = [problem];
    }
    if (Object.keys(fields).length) throw validationFailed(fields);
  }
}
