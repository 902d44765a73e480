import { useEffect, useState } from 'react'
import { loadRuleNotes, type RuleNote } from '../api/ruleNotes'

/** The rules' notes in `language` once loaded (null until then, or when they could not be loaded: findings show
 * without). */
export function useRuleNotes(language: string): ReadonlyMap<string, RuleNote> | null {
  const [notes, setNotes] = useState<ReadonlyMap<string, RuleNote> | null>(null)

  useEffect(() => {
    let current = true
    loadRuleNotes(language).then(
      (loaded) => {
        if (current) setNotes(loaded)
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [language])

  // The notes in the language before stay until the new ones come.
  return notes
}
