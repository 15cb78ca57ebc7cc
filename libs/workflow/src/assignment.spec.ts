import { assignmentRefusal, assignTargetError, transferTarget, type AssignmentCase } from './assignment';

const clerk = { id: 'clerk', role: 'clerk', departmentId: 'A' };
const colleague = { id: 'colleague', role: 'clerk', departmentId: 'A' };
const manager = { id: 'manager', role: 'manager', departmentId: 'A' };
const otherManager = { id: 'managerB', role: 'manager', departmentId: 'B' };
const quality = { id: 'quality', role: 'quality', departmentId: 'OR' };
const open = (assigneeId: string | null, departmentId = 'A'): AssignmentCase => ({
  departmentId,
  assigneeId,
  status: 'open',
});

describe('assignmentRefusal', () => {
  it('a clerk takes over an unassigned case of their department, not one someone has or of another department', () => {
    expect(assignmentRefusal('take_over', clerk, open(null))).toBeNull();
    expect(assignmentRefusal('take_over', clerk, open('colleague'))?.code).toBe('CONFLICT');
    expect(assignmentRefusal('take_over', clerk, open('clerk'))?.message.en).toMatch(/already assigned to you/);
    expect(assignmentRefusal('take_over', clerk, open(null, 'B'))?.code).toBe('FORBIDDEN');
  });

  it('only the manager of the case’s department assigns', () => {
    expect(assignmentRefusal('assign', manager, open('clerk'))).toBeNull();
    expect(assignmentRefusal('assign', clerk, open(null))?.code).toBe('FORBIDDEN');
    expect(assignmentRefusal('assign', otherManager, open('clerk'))?.code).toBe('FORBIDDEN');
  });

  it('the one who has the case, the manager, or anyone of the department for an unassigned one, transfers', () => {
    expect(assignmentRefusal('transfer', clerk, open('clerk'))).toBeNull();
    expect(assignmentRefusal('transfer', manager, open('clerk'))).toBeNull();
    expect(assignmentRefusal('transfer', colleague, open(null))).toBeNull();
    expect(assignmentRefusal('transfer', colleague, open('clerk'))?.code).toBe('FORBIDDEN');
    // Assigned to them from another department: the assignee still hands it on.
    expect(assignmentRefusal('transfer', clerk, open('clerk', 'B'))).toBeNull();
  });

  it('nobody hands over a closed case, and the quality officer never does', () => {
    expect(assignmentRefusal('transfer', manager, { ...open('clerk'), status: 'closed' })?.code).toBe('CONFLICT');
    for (const action of ['transfer', 'assign', 'take_over'] as const)
      expect(assignmentRefusal(action, quality, open(null, 'OR'))?.code).toBe('FORBIDDEN');
  });

  it('says it in Polish and English', () => {
    const r = assignmentRefusal('transfer', colleague, open('clerk'));
    expect(r?.message.pl).toMatch(/kierownik/);
    expect(r?.message.en).toMatch(/manager/);
  });
});

describe('transferTarget', () => {
  it('a person takes the case to their own department', () => {
    expect(transferTarget(open('clerk'), { assigneeId: 'b1' }, 'B')).toEqual({
      target: { departmentId: 'B', assigneeId: 'b1' },
    });
    expect(transferTarget(open('clerk'), { assigneeId: 'colleague' }, 'A')).toEqual({
      target: { departmentId: 'A', assigneeId: 'colleague' },
    });
  });

  it('a department alone leaves the case there unassigned', () => {
    expect(transferTarget(open('clerk'), { departmentId: 'B' }, null)).toEqual({
      target: { departmentId: 'B', assigneeId: null },
    });
  });

  it('assignee null hands it back to the department', () => {
    expect(transferTarget(open('clerk'), { assigneeId: null }, null)).toEqual({
      target: { departmentId: 'A', assigneeId: null },
    });
  });

  it('refuses a person outside the department named, an unknown person, or no change', () => {
    expect(transferTarget(open('clerk'), { departmentId: 'C', assigneeId: 'b1' }, 'B')).toMatchObject({
      field: 'assigneeId',
    });
    expect(transferTarget(open('clerk'), { assigneeId: 'ghost' }, null)).toMatchObject({ field: 'assigneeId' });
    expect(transferTarget(open('clerk'), { departmentId: 'A' }, null)).toMatchObject({ field: 'assigneeId' });
    expect(transferTarget(open('clerk'), { assigneeId: 'clerk' }, 'A')).toMatchObject({ field: 'assigneeId' });
  });
});

describe('assignTargetError', () => {
  it('someone of the case’s department, or nobody; never the same as now', () => {
    expect(assignTargetError(open('clerk'), 'colleague', 'A')).toBeNull();
    expect(assignTargetError(open('clerk'), null, null)).toBeNull();
    expect(assignTargetError(open('clerk'), 'b1', 'B')?.en).toMatch(/hand it over/);
    expect(assignTargetError(open('clerk'), 'clerk', 'A')?.en).toMatch(/already assigned/);
    expect(assignTargetError(open(null), null, null)?.en).toMatch(/not assigned/);
    expect(assignTargetError(open(null), 'ghost', null)?.en).toMatch(/active clerk/);
  });
});
