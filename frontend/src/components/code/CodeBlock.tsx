import { useEffect, useId, useState } from 'react'
import type { Kind } from '../../api/types'
import type { Token } from './highlight'
import './syntax.css'
import './CodeBlock.css'

interface CodeBlockProps {
  code: string
  kind: Kind
  label: string
  tone?: 'bad' | 'good'
}

/**
 * Read-only, highlighted code. Plain text paints at once; colours follow when the (lazily loaded)
 * highlighter arrives, so rule pages never wait for the editor's code.
 */
export function CodeBlock({ code, kind, label, tone }: CodeBlockProps) {
  const captionId = useId()
  const [highlighted, setHighlighted] = useState<{ code: string; lines: Token[][] } | null>(null)

  useEffect(() => {
    let cancelled = false
    import('./highlight')
      .then(({ highlightLines }) => highlightLines(code, kind))
      .then((lines) => {
        if (!cancelled) setHighlighted({ code, lines })
      })
      .catch(() => {
        // Highlighting is decoration; the plain text is already on screen.
      })
    return () => {
      cancelled = true
    }
  }, [code, kind])

  const lines = highlighted?.code === code ? highlighted.lines : null
  return (
    <figure className={`code-block${tone ? ` code-block--${tone}` : ''}`} aria-labelledby={captionId}>
      <figcaption id={captionId} className="code-block__caption">
        {label}
      </figcaption>
      {/* Focusable so keyboard users can scroll long lines sideways. */}
      <pre className="code-block__pre" tabIndex={0} aria-labelledby={captionId}>
        <code>
          {lines
            ? trimTrailingEmptyLine(lines).map((tokens, lineIndex, all) => (
                <span key={lineIndex} className="code-block__line">
                  {tokens.map((token, tokenIndex) =>
                    token.className ? (
                      <span key={tokenIndex} className={token.className}>
                        {token.text}
                      </span>
                    ) : (
                      token.text
                    ),
                  )}
                  {lineIndex < all.length - 1 && '\n'}
                </span>
              ))
            : code}
        </code>
      </pre>
    </figure>
  )
}

/** A final newline would otherwise show as an empty last line. */
function trimTrailingEmptyLine(lines: Token[][]): Token[][] {
  const last = lines[lines.length - 1]
  return lines.length > 1 && last?.every((token) => token.text === '') ? lines.slice(0, -1) : lines
}
