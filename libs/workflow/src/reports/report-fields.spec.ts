import { workflowOf } from '../workflows';
import { REPORT_FIELDS } from './report-fields';

describe('REPORT_FIELDS', () => {
  it.each(Object.entries(REPORT_FIELDS))('%s names a field the workflow has', (_name, ref) => {
    const step = workflowOf(ref.kind).steps.find((s) => s.id === ref.stepId);
    expect(step).toBeDefined();
    expect(step?.fields.map((f) => f.id)).toContain(ref.fieldId);
  });

  it('the proposal step is the one the satisfaction loop returns to', () => {
    const looping = workflowOf('complaint').steps.find((s) => s.loop);
    expect(looping?.loop?.backTo).toBe(REPORT_FIELDS.complaintProposal.stepId);
    expect(looping?.id).toBe(REPORT_FIELDS.complaintSatisfaction.stepId);
  });
});
