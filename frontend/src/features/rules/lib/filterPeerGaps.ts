import type { PeerGap } from '../../../api/types'
import { peerName } from './peerLinks'

/**
 * The gaps matching every word of the rule search (in the peer's name, the peer's id, the reason or the
 * covering rule's id), so that searching for hadolint's DL3005 explains why no rule turns up. An empty
 * query matches nothing: the full table is shown at the bottom of the page anyway.
 */
export function filterPeerGaps(gaps: readonly PeerGap[], query: string): PeerGap[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  return gaps.filter((gap) => {
    const haystack = [gap.peer, peerName(gap.peer), gap.peer_id, gap.reason, gap.covered_by ?? '']
      .join(' ')
      .toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
