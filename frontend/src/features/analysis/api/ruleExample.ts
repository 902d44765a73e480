import { request } from '../../../api/client'
import type { Rule } from '../../../api/types'

/** The example of a rule that triggers it, for "try it in the editor" links from rule pages (/?try=DF007). */
export async function getRuleExample(ruleId: string, signal?: AbortSignal): Promise<Pick<Rule, 'id' | 'bad' | 'target'>> {
  const { id, bad, target } = await request<Rule>(`/api/v1/rules/${encodeURIComponent(ruleId)}`, { signal })
  return { id, bad, target }
}
