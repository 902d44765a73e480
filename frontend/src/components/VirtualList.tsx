import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'

interface VirtualListProps<T> {
  items: readonly T[]
  itemKey: (item: T) => string
  /** A guess at an item's height in pixels, used until the item has been drawn and measured. */
  estimateHeight: (item: T) => number
  renderItem: (item: T) => ReactNode
  className?: string
  /** Pixels drawn above and below the visible part, so scrolling and Tab rarely reach an undrawn item. */
  overscan?: number
}

/** Items drawn before the list knows its own height (first paint; tests without layout). */
const UNMEASURED_COUNT = 40

/**
 * A scrolling list that draws only the items in view. Items may have any height (text wraps, details
 * open): each drawn item is measured and remembered by key; items not drawn yet count at their estimate.
 * The list is its own scroll container: give it a height or a max-height.
 */
export function VirtualList<T>({
  items,
  itemKey,
  estimateHeight,
  renderItem,
  className,
  overscan = 600,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ top: 0, height: 0 })
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map())
  const observer = useRef<ResizeObserver | null>(null)

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element || typeof ResizeObserver === 'undefined') return
    let frame = 0
    const read = () => {
      frame = 0
      setViewport((previous) =>
        previous.top === element.scrollTop && previous.height === element.clientHeight
          ? previous
          : { top: element.scrollTop, height: element.clientHeight },
      )
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    element.addEventListener('scroll', schedule, { passive: true })
    const resizes = new ResizeObserver(schedule)
    resizes.observe(element)
    return () => {
      cancelAnimationFrame(frame)
      element.removeEventListener('scroll', schedule)
      resizes.disconnect()
    }
  }, [])

  // One observer measures every drawn item; heights that changed are stored in one update. It is made on
  // the first item's ref, which React attaches before any effect of this component runs.
  const measure = useCallback((element: HTMLDivElement | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return
    observer.current ??= new ResizeObserver((entries) => {
      const changed: [string, number][] = []
      for (const entry of entries) {
        const key = (entry.target as HTMLElement).dataset.key
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height
        if (key !== undefined && height > 0) changed.push([key, height])
      }
      setHeights((previous) => {
        if (changed.every(([key, height]) => previous.get(key) === height)) return previous
        const next = new Map(previous)
        for (const [key, height] of changed) next.set(key, height)
        return next
      })
    })
    const current = observer.current
    current.observe(element)
    return () => current.unobserve(element)
  }, [])

  useEffect(
    () => () => {
      observer.current?.disconnect()
      observer.current = null
    },
    [],
  )

  const keys = useMemo(() => items.map(itemKey), [items, itemKey])
  // offsets[i] is the top of item i; offsets[items.length] the height of the whole list. An item not drawn
  // yet counts at the mean height of the drawn items with the same estimate, so the scrollbar is right early.
  const offsets = useMemo(() => {
    const estimates = items.map(estimateHeight)
    const measured = new Map<number, { sum: number; count: number }>()
    keys.forEach((key, index) => {
      const height = heights.get(key)
      const estimate = estimates[index] ?? 0
      if (height === undefined) return
      const entry = measured.get(estimate) ?? { sum: 0, count: 0 }
      measured.set(estimate, { sum: entry.sum + height, count: entry.count + 1 })
    })
    const tops = new Float64Array(items.length + 1)
    keys.forEach((key, index) => {
      const estimate = estimates[index] ?? 0
      const mean = measured.get(estimate)
      const height = heights.get(key) ?? (mean ? mean.sum / mean.count : estimate)
      tops[index + 1] = (tops[index] ?? 0) + height
    })
    return tops
  }, [items, keys, heights, estimateHeight])

  const total = offsets[items.length] ?? 0
  let start = 0
  let end = Math.min(items.length, UNMEASURED_COUNT)
  if (viewport.height > 0) {
    start = Math.max(0, firstBelow(offsets, viewport.top - overscan) - 1)
    end = Math.min(items.length, firstBelow(offsets, viewport.top + viewport.height + overscan))
  }

  return (
    <div ref={scroller} className={className}>
      <div aria-hidden="true" style={{ height: offsets[start] }} />
      {items.slice(start, end).map((item, index) => {
        const key = keys[start + index] ?? ''
        return (
          <div key={key} data-key={key} ref={measure}>
            {renderItem(item)}
          </div>
        )
      })}
      <div aria-hidden="true" style={{ height: total - (offsets[end] ?? total) }} />
    </div>
  )
}

/** The index of the first offset greater than `position` (binary search; offsets only grow). */
function firstBelow(offsets: Float64Array, position: number): number {
  let low = 0
  let high = offsets.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((offsets[middle] ?? 0) > position) high = middle
    else low = middle + 1
  }
  return low
}
