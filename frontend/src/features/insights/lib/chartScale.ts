/** Whole, round steps for a count axis from 0 to `max` or just past it (1, 2, 5, 10, 20, 50...), about `count`
 * steps. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1]
  const rough = max / count
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const nice = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)
  const step = Math.max(1, Math.round(nice ?? 10 * magnitude))
  const steps = Math.ceil(max / step)
  return Array.from({ length: steps + 1 }, (_, index) => index * step)
}
