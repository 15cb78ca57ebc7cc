import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseKindName } from '@pu/contracts';
import { followsRefusalError, repeatComplaintError, message } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import { type FieldMessages, validationFailed } from '../common/domain-error';
import { selectLinkFacts } from './cases.queries';

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
    const facts = await selectLinkFacts(this.db.manager, user, {
      assigneeId: assigneeId ?? null,
      repeatOfCaseId: repeatOfCaseId ?? null,
      followsCaseId: followsCaseId ?? null,
      targetDepartmentId: targetDepartmentId ?? null,
    });
    const fields: FieldMessages = {};
    if (targetDepartmentId && facts.department_active !== true)
      fields['departmentId'] = [message('department.chooseActive')];
    if (assigneeId) {
      const a = facts.assignee;
      if (!a || a.disabled || !['clerk', 'manager'].includes(a.role))
        fields['assigneeId'] = [message('case.assigneeInactive')];
      else if (links.departmentId && a.department_id !== links.departmentId)
        fields['assigneeId'] = [message('case.assigneeOtherDepartment')];
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
