import { useEffect, useState } from 'react'

/** Copies the analysis's permanent link; falls back to showing it where the clipboard is unavailable. */
export function PermalinkButton({ path }: { path: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle')
  const url = new URL(path, window.location.origin).toString()

  useEffect(() => {
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setState('copied')
    } catch {
      setState('manual')
    }
  }

  return (
    <span className="permalink">
      <button type="button" className="button button--small" onClick={copy}>
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <path
            fill="currentColor"
            d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2 1.4 1.4-2 2a1 1 0 1 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0z"
          />
        </svg>
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Link copied to the clipboard' : ''}
      </span>
      {state === 'manual' && (
        <input
          className="permalink__manual"
          type="text"
          readOnly
          value={url}
          aria-label="Link to this analysis"
          onFocus={(event) => event.currentTarget.select()}
          autoFocus
        />
      )}
    </span>
  )
}
