import { describe, expect, it } from 'vitest'
import { ignoreComments } from './ignoreComments'

describe('ignoreComments', () => {
  it("puts our comment first and the peers' that also work after it", () => {
    const comments = ignoreComments({ id: 'DF008', target: 'dockerfile', equivalents: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' } })
    expect(comments.map((c) => c.comment)).toEqual([
      '# dockwright ignore=DF008',
      '# dockwright global ignore=DF008',
      '# hadolint ignore=DL3025',
      '# check=skip=JSONArgsRecommended',
    ])
  })

  it("gives compose rules our comment and dclint's", () => {
    const comments = ignoreComments({ id: 'DC009', target: 'compose', equivalents: { dclint: 'no-duplicate-exported-ports' } })
    expect(comments.map((c) => c.comment)).toEqual([
      '# dockwright ignore=DC009',
      '# dclint disable-next-line no-duplicate-exported-ports',
    ])
  })
})
