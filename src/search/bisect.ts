/** Binary search over a sorted range, for the index's sorted arrays. */

/** The first i in [from, to) for which `before(i)` is false; `before` must hold up to some point and not after it. */
export function firstNotBefore(from: number, to: number, before: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
