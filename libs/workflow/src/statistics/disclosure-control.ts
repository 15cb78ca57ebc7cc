/**
 * Statistical confidentiality for published figures. The act on public statistics (art. 38–39) lets no figure
 * be published from which a person could be identified; the practice of Statistics Poland is to publish no
 * count of fewer than 3 units. Such a count is shown as "<3".
 *
 * Hiding it is not enough when the total of the breakdown is published: total minus the other rows would give
 * it back. A breakdown with exactly one hidden count therefore hides its next smallest one too, shown as "x"
 * (secondary suppression); with two or more hidden, the subtraction gives only their sum.
 */
export const DISCLOSURE_THRESHOLD = 3;

export type SuppressedCount = number | '<3' | 'x';

export const suppressCount = (n: number): SuppressedCount => (n < DISCLOSURE_THRESHOLD ? '<3' : n);

/** One breakdown whose `counts` add up to `total` (every case in exactly one row). */
export function suppressBreakdown(
  total: number,
  counts: readonly number[],
): { total: SuppressedCount; counts: SuppressedCount[] } {
  const shown: SuppressedCount[] = counts.map(suppressCount);
  const shownTotal = suppressCount(total);
  const primary = shown.filter((c) => c === '<3').length;
  if (primary === 1 && shownTotal !== '<3') {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (shown[i] !== '<3' && (smallest < 0 || n < counts[smallest])) smallest = i;
    });
    if (smallest >= 0) shown[smallest] = 'x';
  }
  return { total: shownTotal, counts: shown };
}
