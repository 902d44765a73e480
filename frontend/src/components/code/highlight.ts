import { classHighlighter, highlightCode } from '@lezer/highlight'
import type { Kind } from '../../api/types'
import { loadLanguage } from './languages'

export interface Token {
  text: string
  className: string
}

/** Splits code into lines of classed tokens (`tok-keyword`, ...) without creating an editor. */
export async function highlightLines(code: string, kind: Kind): Promise<Token[][]> {
  const support = await loadLanguage(kind)
  const tree = support.language.parser.parse(code)
  const lines: Token[][] = [[]]
  highlightCode(
    code,
    tree,
    classHighlighter,
    (text, className) => lines[lines.length - 1]?.push({ text, className }),
    () => lines.push([]),
  )
  return lines
}
