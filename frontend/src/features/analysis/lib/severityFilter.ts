import type { Severity } from '../../../api/types'
import { SEVERITY_ORDER } from './groupFindings'

const STORAGE_KEY = 'dockwright.findings.hiddenSeverities'

/** The severities the person chose to hide in the findings panel, as remembered in this browser. */
export function readHiddenSeverities(): ReadonlySet<Severity> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(stored)) return new Set()
    return new Set(SEVERITY_ORDER.filter((severity) => stored.includes(severity)))
  } catch {
    // Storage disabled or a value this version cannot read: show everything.
    return new Set()
  }
}

export function writeHiddenSeverities(hidden: ReadonlySet<Severity>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(SEVERITY_ORDER.filter((severity) => hidden.has(severity))))
  } catch {
    // Private browsing or a full storage: the choice lasts for this page only.
  }
}
