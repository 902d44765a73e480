import type { Diagnostic } from '@codemirror/lint'
import type { Text } from '@codemirror/state'
import type { Finding, FindingFix, Severity } from '../../../../api/types'
import { plainText, textSpans } from '../../../../components/textSpans'
import { t } from '../../../../i18n'
import { rangeAt } from './positions'

const LINT_SEVERITY: Record<Severity, Diagnostic['severity']> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
}

interface DiagnosticHandlers {
  openRule: (ruleId: string) => void
  applyFix: (fix: FindingFix) => void
}

/** Findings as CodeMirror lint diagnostics: an underline at the exact range, a gutter mark, a hover card (in the
 * language of the moment: the findings come again, and so are made again, after a switch). */
export function findingsToDiagnostics(doc: Text, findings: readonly Finding[], handlers: DiagnosticHandlers): Diagnostic[] {
  return findings.map((finding) => {
    const fix = finding.fix
    return {
      ...rangeAt(doc, finding),
      severity: LINT_SEVERITY[finding.severity],
      source: finding.rule,
      message: plainText(finding.message),
      renderMessage: () => renderMessage(finding, handlers.openRule),
      actions:
        fix && fix.edits.length > 0
          ? [{ name: t('Apply fix: {{title}}', { title: fix.title }), apply: () => handlers.applyFix(fix) }]
          : undefined,
    }
  })
}

function renderMessage(finding: Finding, openRule: (ruleId: string) => void): Node {
  const container = document.createElement('div')
  container.className = 'finding-tooltip'
  const message = document.createElement('p')
  message.className = 'finding-tooltip__message'
  message.append(...codeNodes(finding.message))
  const link = document.createElement('a')
  link.className = 'finding-tooltip__rule'
  link.href = `/rules/${encodeURIComponent(finding.rule)}`
  link.append(finding.rule, ...(finding.rule_title ? [' · ', ...codeNodes(finding.rule_title)] : []))
  link.addEventListener('click', (event) => {
    // Stay inside the single-page app (keeps the editor's state) unless the user asked for a new tab.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    openRule(finding.rule)
  })
  container.append(message, link)
  // A finding explained elsewhere (ShellCheck's wiki page of its SC code under DF100) links there too.
  if (finding.code && /^https?:\/\//.test(finding.help_url)) {
    const help = document.createElement('a')
    help.className = 'finding-tooltip__help text-link'
    help.href = finding.help_url
    help.target = '_blank'
    help.rel = 'noreferrer'
    help.textContent = t('{{code}} on the ShellCheck wiki', { code: finding.code })
    container.append(' · ', help)
  }
  return container
}

/** The DOM twin of CodeText: code spans as inline code, URLs as links; tooltips live outside React. */
function codeNodes(text: string): Node[] {
  return textSpans(text).map((span) => {
    if (span.kind === 'text') return document.createTextNode(span.text)
    if (span.kind === 'link') {
      const link = document.createElement('a')
      link.className = 'text-link'
      link.href = span.href
      link.target = '_blank'
      link.rel = 'noreferrer'
      link.textContent = span.text
      return link
    }
    const code = document.createElement('code')
    code.className = 'inline-code'
    code.textContent = span.text
    if (span.full !== span.text) code.title = span.full
    return code
  })
}
