import type { Finding, Severity } from '../../../api/types'

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'style']

export interface FindingGroup {
  severity: Severity
  findings: Finding[]
}

/** Findings grouped by severity (most severe first), each group in reading order: line, then column. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings
      .filter((finding) => finding.severity === severity)
      .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)),
  })).filter((group) => group.findings.length > 0)
}
