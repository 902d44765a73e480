import { describe, expect, it } from 'vitest'
import { makePeerGap } from '../../../test/fixtures'
import { filterPeerGaps } from './filterPeerGaps'

const gaps = [
  makePeerGap(),
  makePeerGap({ peer_id: 'DL3043', reason: 'ONBUILD FROM is a syntax error', covered_by: 'DF001' }),
  makePeerGap({ peer: 'buildkit', peer_id: 'InvalidBaseImagePlatform', reason: 'needs a registry' }),
]

function ids(query: string): string[] {
  return filterPeerGaps(gaps, query).map((gap) => gap.peer_id)
}

describe('filterPeerGaps', () => {
  it('finds a gap by its peer id in any case', () => {
    expect(ids('dl3005')).toEqual(['DL3005'])
  })

  it('finds gaps by the rule that covers them, the reason and the peer name', () => {
    expect(ids('DF001')).toEqual(['DL3043'])
    expect(ids('registry')).toEqual(['InvalidBaseImagePlatform'])
    expect(ids('BuildKit checks')).toEqual(['InvalidBaseImagePlatform'])
  })

  it('needs every word to match and matches nothing for an empty query', () => {
    expect(ids('hadolint syntax')).toEqual(['DL3043'])
    expect(ids('   ')).toEqual([])
  })
})
