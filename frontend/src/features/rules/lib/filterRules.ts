import type { Kind, Rule, Severity } from '../../../api/types'

export interface RuleFilter {
  query: string
  target: Kind | ''
  severity: Severity | ''
}

/**
 * The rules matching every word of the query (in the id, slug, title, rationale or a peer's id such as
 * hadolint's DL3007) and the chosen target and severity, in id order.
 */
export function filterRules(rules: readonly Rule[], filter: RuleFilter): Rule[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean)
  return rules
    .filter((rule) => !filter.target || rule.target === filter.target)
    .filter((rule) => !filter.severity || rule.severity === filter.severity)
    .filter((rule) => {
      if (words.length === 0) return true
      const haystack = [
        rule.id,
        rule.slug,
        rule.title,
        rule.rationale,
        ...Object.entries(rule.equivalents).flat(),
      ]
        .join(' ')
        .toLowerCase()
      return words.every((word) => haystack.includes(word))
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}
