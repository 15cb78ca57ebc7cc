import type { CaseBoardColumn } from '@pu/contracts';
import { moveTarget, nextColumn } from './case-board-model';

const col = (stepId: string | null): CaseBoardColumn => ({ stepId, count: 0, cards: [] });
const columns = [col('decision'), col('deliver'), col('justify'), col(null)];

describe('board moves', () => {
  it('lets a card move only to the next column, opening its current step', () => {
    expect(moveTarget(columns, 'decision', 'deliver')).toBe('decision');
    expect(moveTarget(columns, 'justify', null)).toBe('justify');
    expect(moveTarget(columns, 'decision', 'justify')).toBeNull();
    expect(moveTarget(columns, 'deliver', 'decision')).toBeNull();
    expect(moveTarget(columns, null, 'decision')).toBeNull();
  });

  it('names the next column, none after the last', () => {
    expect(nextColumn(columns, 'decision')?.stepId).toBe('deliver');
    expect(nextColumn(columns, 'justify')?.stepId).toBeNull();
    expect(nextColumn(columns, null)).toBeNull();
  });
});
