import type { Kind } from '../../api/types'

export interface Token {
  text: string
  /** One of the `tok-*` classes the editor's highlighter uses too (syntax.css), or '' for plain text. */
  className: string
}

// Rule examples are a few lines: a handful of patterns colour them well enough, without the editor's parsers
// (the CodeMirror chunk is over 300 KB; a rule page should not load it to colour two examples).
const INSTRUCTION =
  /^(\s*)(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i
const DOCKERFILE_TOKENS: [RegExp, string][] = [
  [/^"(?:[^"\\]|\\.)*"?/, 'tok-string'],
  [/^'[^']*'?/, 'tok-string'],
  [/^\$\{[^}]*\}?|^\$[A-Za-z_][A-Za-z0-9_]*/, 'tok-variableName'],
  [/^--[A-Za-z][\w-]*/, 'tok-propertyName'],
  [/^\b\d+(?:\.\d+)*\b/, 'tok-number'],
]
const YAML_KEY = /^(\s*(?:-\s+)?)([^\s#'"][^:#]*?|"[^"]*"|'[^']*')(:)(?=\s|$)/
const YAML_TOKENS: [RegExp, string][] = [
  [/^"(?:[^"\\]|\\.)*"?/, 'tok-string'],
  [/^'[^']*'?/, 'tok-string'],
  [/^\$\{[^}]*\}?|^\$[A-Za-z_][A-Za-z0-9_]*/, 'tok-variableName'],
  [/^\b(?:true|false|yes|no|null)\b/i, 'tok-bool'],
  [/^\b\d+(?:\.\d+)*\b/, 'tok-number'],
]

/** Splits code into lines of classed tokens (`tok-keyword`, ...), at once and without any parser. */
export function highlightLines(code: string, kind: Kind): Token[][] {
  let continued = false
  return code.split('\n').map((line) => {
    const tokens: Token[] = []
    let rest = line
    const comment = /^\s*#/.test(line)
    if (comment) return [{ text: line, className: 'tok-comment' }]
    if (kind === 'compose') {
      const key = YAML_KEY.exec(rest)
      if (key) {
        tokens.push({ text: key[1] ?? '', className: '' }, { text: key[2] ?? '', className: 'tok-propertyName' })
        tokens.push({ text: key[3] ?? '', className: 'tok-punctuation' })
        rest = rest.slice(key[0].length)
      }
    } else if (!continued) {
      const instruction = INSTRUCTION.exec(rest)
      if (instruction) {
        tokens.push({ text: instruction[1] ?? '', className: '' }, { text: instruction[2] ?? '', className: 'tok-keyword' })
        rest = rest.slice(instruction[0].length)
      }
    }
    if (kind !== 'compose') continued = /\\\s*$/.test(line)
    tokens.push(...scan(rest, kind === 'compose' ? YAML_TOKENS : DOCKERFILE_TOKENS))
    return tokens.filter((token) => token.text !== '')
  })
}

/** The rest of a line: known patterns where they start, plain text between them, a trailing comment. */
function scan(text: string, patterns: [RegExp, string][]): Token[] {
  const tokens: Token[] = []
  let plain = ''
  let rest = text
  while (rest) {
    if (/^\s#/.test(rest)) {
      tokens.push({ text: plain + rest[0], className: '' }, { text: rest.slice(1), className: 'tok-comment' })
      return tokens
    }
    const hit = patterns.map(([pattern, className]) => [pattern.exec(rest)?.[0], className] as const).find(([match]) => match)
    // A pattern counts only at the start of a word (a number inside a name is not a number).
    if (hit?.[0] && !/[\w.-]$/.test(plain)) {
      if (plain) tokens.push({ text: plain, className: '' })
      plain = ''
      tokens.push({ text: hit[0], className: hit[1] })
      rest = rest.slice(hit[0].length)
    } else {
      plain += rest[0]
      rest = rest.slice(1)
    }
  }
  if (plain) tokens.push({ text: plain, className: '' })
  return tokens
}
