export type TextSpan =
  | { kind: 'text'; text: string }
  /** `text` is what to show (long tokens shortened to their ends); `full` is the whole token. */
  | { kind: 'code'; text: string; full: string }
  | { kind: 'link'; text: string; href: string }

/** Quoted tokens longer than this are shortened to their ends, as the engine does in long messages. */
export const MAX_CODE_CHARS = 60
const KEPT_AT_EACH_END = 28

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/g
// Punctuation that ends a sentence rather than a URL: "see https://example.com/x." or "(https://…)".
const TRAILING_PUNCTUATION = /[.,;:!?'"]$/

/**
 * Splits text as rule titles and finding messages write it: Markdown-style backticks for code
 * ("`python:latest` uses the moving `latest` tag") and bare URLs. A backtick left open (a message cut
 * short mid-token) runs to the end as code, so no raw backtick is ever shown.
 */
export function textSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = []
  const parts = text.split('`')
  parts.forEach((part, index) => {
    if (index % 2 === 0) spans.push(...linkSpans(part))
    else if (part) spans.push({ kind: 'code', text: shorten(part), full: part })
  })
  return spans
}

/** The text of spans without any markup, e.g. for an accessible name. */
export function plainText(text: string): string {
  return text.replaceAll('`', '')
}

function shorten(token: string): string {
  const characters = [...token]
  if (characters.length <= MAX_CODE_CHARS) return token
  return `${characters.slice(0, KEPT_AT_EACH_END).join('')}…${characters.slice(-KEPT_AT_EACH_END).join('')}`
}

function linkSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0])
    const start = match.index
    if (start > last) spans.push({ kind: 'text', text: text.slice(last, start) })
    spans.push({ kind: 'link', text: url.replace(/^https?:\/\//, '').replace(/\/$/, ''), href: url })
    last = start + url.length
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) })
  return spans
}

/** A URL without the punctuation around it: a closing bracket is the URL's own only when it opened one. */
function trimUrl(url: string): string {
  let trimmed = url
  for (;;) {
    if (TRAILING_PUNCTUATION.test(trimmed)) trimmed = trimmed.slice(0, -1)
    else if (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) trimmed = trimmed.slice(0, -1)
    else if (trimmed.endsWith(']') && count(trimmed, '[') < count(trimmed, ']')) trimmed = trimmed.slice(0, -1)
    else return trimmed
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1
}
