import { useId, useMemo } from 'react'
import type { Kind } from '../../api/types'
import { highlightLines, type Token } from './lightHighlight'
import './syntax.css'
import './CodeBlock.css'

interface CodeBlockProps {
  code: string
  kind: Kind
  label: string
  tone?: 'bad' | 'good'
}

/** Read-only, highlighted code that wraps long lines instead of cutting them off. */
export function CodeBlock({ code, kind, label, tone }: CodeBlockProps) {
  const captionId = useId()
  const lines = useMemo(() => trimTrailingEmptyLine(highlightLines(code, kind)), [code, kind])
  return (
    <figure className={`code-block${tone ? ` code-block--${tone}` : ''}`} aria-labelledby={captionId}>
      <figcaption id={captionId} className="code-block__caption">
        {label}
      </figcaption>
      <pre className="code-block__pre">
        <code>
          {lines.map((tokens, lineIndex) => (
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
              {lineIndex < lines.length - 1 && '\n'}
            </span>
          ))}
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
