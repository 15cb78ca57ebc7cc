import { comparedChart, directionOf, formatChange, formatFigure, formatShare, yearOf } from './report-view';

describe('report view', () => {
  it('formats figures by unit, in Polish and English', () => {
    expect(formatFigure(1234, 'count', 'pl')).toBe('1234');
    expect(formatFigure(0.75, 'share', 'pl')).toBe('75%');
    expect(formatFigure(0.6667, 'share', 'en')).toBe('66.7%');
    expect(formatFigure(26.5, 'days', 'pl')).toBe('26,5');
    expect(formatFigure(null, 'days', 'pl')).toBe('—');
    expect(formatShare(null, 'en')).toBe('—');
  });

  it('says the change with its sign, shares in percentage points', () => {
    expect(formatChange({ current: 11, previous: 4, change: 7 }, 'count', 'pl')).toBe('+7');
    expect(formatChange({ current: 0.75, previous: 1, change: -0.25 }, 'share', 'pl')).toBe('−25 p.p.');
    expect(formatChange({ current: 0.75, previous: 1, change: -0.25 }, 'share', 'en')).toBe('−25 pp');
    expect(formatChange({ current: 2, previous: 2, change: 0 }, 'count', 'en')).toBe('±0');
    expect(formatChange({ current: 1, previous: null, change: null }, 'count', 'en')).toBeNull();
  });

  it('names the direction of a change', () => {
    expect(directionOf({ current: 2, previous: 1, change: 1 })).toBe('up');
    expect(directionOf({ current: 1, previous: 2, change: -1 })).toBe('down');
    expect(directionOf({ current: 1, previous: 1, change: 0 })).toBe('same');
    expect(directionOf({ current: null, previous: 1, change: null })).toBe('none');
  });

  it('knows a calendar year from any other period', () => {
    expect(yearOf({ from: '2030-01-01', to: '2030-12-31' })).toBe(2030);
    expect(yearOf({ from: '2030-01-01', to: '2030-06-30' })).toBeNull();
  });

  it('feeds the chart and its table from the same rows', () => {
    const spec = comparedChart([{ label: 'A', current: 3, previous: 1 }], { current: 'Ten', previous: 'Poprzedni' });
    expect(spec).toEqual({
      kind: 'bar',
      labels: ['A'],
      series: [
        { label: 'Ten', values: [3] },
        { label: 'Poprzedni', values: [1] },
      ],
    });
  });
});
