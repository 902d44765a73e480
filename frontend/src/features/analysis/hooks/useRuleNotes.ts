import { useEffect, useState } from 'react'
import { loadRuleNotes, type RuleNote } from '../api/ruleNotes'

/** The rules' notes once loaded (null until then, or when they could not be loaded: findings show without). */
export function useRuleNotes(): ReadonlyMap<string, RuleNote> | null {
  const [notes, setNotes] = useState<ReadonlyMap<string, RuleNote> | null>(null)
  useEffect(() => {
    let current = true
    loadRuleNotes().then(
      (loaded) => {
        if (current) setNotes(loaded)
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [])
  return notes
}
