import { useMemo } from 'react'
import type { Kind } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import { underlinedLines, type Range } from '../lib/underlines'
import '../../../components/code/syntax.css'

interface AnnotatedCodeProps {
  code: string
  kind: Kind | ''
  findings: readonly Range[]
  /** The lines of `findings`, whose numbers link to their place in the list of findings. */
  label: string
}

/**
 * A file as it was scanned, read-only, with the editor's wavy underlines under each finding's exact range (the most
 * severe where they overlap) and every line numbered and addressable (#L12). The underlines are drawn for the eye;
 * the list of findings beside the code says the same in words.
 */
export function AnnotatedCode({ code, kind, findings, label }: AnnotatedCodeProps) {
  const { t } = useTranslation()
  const lines = useMemo(() => {
    const all = underlinedLines(code, kind || 'dockerfile', findings)
    const last = all[all.length - 1]
    return all.length > 1 && last?.every((segment) => segment.text === '') ? all.slice(0, -1) : all
  }, [code, kind, findings])
  const plain = kind === ''
  return (
    <div className="annotated-code" role="region" aria-label={label} tabIndex={0}>
      <pre className="annotated-code__pre">
        <code>
          {lines.map((segments, index) => (
            <span key={index} id={`L${index + 1}`} className="annotated-code__line">
              <span className="annotated-code__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="annotated-code__text">
                {segments.map((segment, position) => {
                  const mark = segment.severity ? `annotated-code__mark annotated-code__mark--${segment.severity}` : ''
                  const className = [plain ? '' : segment.className, mark].filter(Boolean).join(' ')
                  return className ? (
                    <span key={position} className={className}>
                      {segment.text}
                    </span>
                  ) : (
                    segment.text
                  )
                })}
              </span>
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
      {code === '' && <p className="muted">{t('The file is empty.')}</p>}
    </div>
  )
}
