import { textSpans } from './textSpans'

/** Text with its `backticked` parts shown as inline code and its URLs as links (opening in a new tab). */
export function CodeText({ text }: { text: string }) {
  return (
    <>
      {textSpans(text).map((span, index) => {
        if (span.kind === 'code') {
          return (
            <code key={index} className="inline-code" title={span.full === span.text ? undefined : span.full}>
              {span.text}
            </code>
          )
        }
        if (span.kind === 'link') {
          return (
            <a key={index} className="text-link" href={span.href} target="_blank" rel="noreferrer">
              {span.text}
            </a>
          )
        }
        return span.text
      })}
    </>
  )
}
