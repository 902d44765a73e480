import { request } from '../../../api/client'
import type { Rule } from '../../../api/types'

/** What the findings panel shows beside a finding of a rule: why it matters and what to do about it. */
export type RuleNote = Pick<Rule, 'rationale' | 'fix_title'>

const notes = new Map<string, Promise<ReadonlyMap<string, RuleNote>>>()

/**
 * Every rule's rationale and fix title, by rule id: one GET /api/v1/rules per page load and language (the server
 * writes them in the app's language), shared by every caller. A failed request is forgotten, so the next caller
 * asks again.
 */
export function loadRuleNotes(language: string): Promise<ReadonlyMap<string, RuleNote>> {
  let loaded = notes.get(language)
  if (!loaded) {
    loaded = request<Rule[]>('/api/v1/rules').then(
      (rules) => new Map(rules.map((rule) => [rule.id, { rationale: rule.rationale, fix_title: rule.fix_title }])),
      (error: unknown) => {
        notes.delete(language)
        throw error
      },
    )
    notes.set(language, loaded)
  }
  return loaded
}
