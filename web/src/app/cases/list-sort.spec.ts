import { headerSortOf, sortOfHeader } from './list-sort';

describe('list sort by headers', () => {
  it('maps each list order to its header and back', () => {
    for (const sort of ['deadline', '-deadline', 'received', '-received'] as const) {
      const header = headerSortOf(sort);
      expect(sortOfHeader(header, 'deadline')).toBe(sort);
    }
  });

  it('never clears the order: an empty direction keeps the current one', () => {
    expect(sortOfHeader({ active: 'due', direction: '' }, '-received')).toBe('-deadline');
    expect(sortOfHeader({ active: 'received', direction: '' }, 'deadline')).toBe('received');
  });
});
