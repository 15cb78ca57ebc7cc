import { CASE_KINDS, CHANNELS, CHANNEL_LABELS, COMMON_CONDUCT, DEFAULT_ROOT_CAUSES, WORKFLOWS } from '@pu/workflow';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';
import { channelLabel, channelOptions, kindTitle, stepDef, stepTitle, stepTitles } from './case-labels';

/** The catalog as GET /api/workflows sends it. */
const catalog: WorkflowCatalog = {
  kinds: CASE_KINDS,
  workflows: WORKFLOWS,
  conduct: COMMON_CONDUCT,
  channels: CHANNEL_LABELS,
  rootCauses: DEFAULT_ROOT_CAUSES,
};
const complaint = WORKFLOWS.complaint;
const [first, second] = complaint.steps;

describe('case labels', () => {
  it('names a kind by its workflow, in the interface language', () => {
    expect(kindTitle(catalog, 'complaint', 'pl')).toBe(complaint.title.pl);
    expect(kindTitle(catalog, 'complaint', 'en')).toBe(complaint.title.en);
    expect(kindTitle(null, 'complaint', 'pl')).toBe('');
  });

  it('finds a step of a kind and names it; an unknown step by its id', () => {
    expect(stepDef(catalog, 'complaint', first.id)).toBe(first);
    expect(stepDef(null, 'complaint', first.id)).toBeUndefined();
    expect(stepTitle(catalog, 'complaint', first.id, 'en')).toBe(first.title.en);
    expect(stepTitle(catalog, 'complaint', 'no_such_step', 'pl')).toBe('no_such_step');
  });

  it('lists step titles with the quotation marks of the language', () => {
    expect(stepTitles(complaint, [first.id, second.id], 'pl')).toBe(`„${first.title.pl}”, „${second.title.pl}”`);
    expect(stepTitles(complaint, [first.id], 'en')).toBe(`"${first.title.en}"`);
    expect(stepTitles(complaint, ['no_such_step'], 'pl')).toBe('„no_such_step”');
  });

  it('names channels, and offers them in the order the API sends', () => {
    expect(channelLabel(catalog, 'epuap', 'pl')).toBe(CHANNEL_LABELS.epuap.pl);
    expect(channelLabel(null, 'phone', 'pl')).toBe('phone');
    expect(channelOptions(catalog).map((o) => o.value)).toEqual([...CHANNELS]);
    expect(channelOptions(null)).toEqual([]);
  });
});
