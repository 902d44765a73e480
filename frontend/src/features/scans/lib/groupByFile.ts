import type { ScanFinding } from '../../../api/types'

export interface FileFindings {
  path: string
  findings: ScanFinding[]
}

/** Findings by file, files in path order and each file's findings by line then column, as a reviewer reads them. */
export function groupByFile(findings: readonly ScanFinding[]): FileFindings[] {
  const byPath = new Map<string, ScanFinding[]>()
  for (const finding of findings) {
    const list = byPath.get(finding.path)
    if (list) list.push(finding)
    else byPath.set(finding.path, [finding])
  }
  return [...byPath.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, list]) => ({ path, findings: [...list].sort((a, b) => a.line - b.line || a.column - b.column) }))
}
