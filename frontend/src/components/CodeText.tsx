import { codeSpans } from './codeSpans'

/** Text with its `backticked` parts shown as inline code. */
export function CodeText({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((span, index) =>
        span.code ? (
          <code key={index} className="inline-code">
            {span.text}
          </code>
        ) : (
          span.text
        ),
      )}
    </>
  )
}
