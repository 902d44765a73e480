import { describe, expect, it } from 'vitest'
import { makeFinding } from '../../../test/fixtures'
import { groupFindings } from './groupFindings'

describe('groupFindings', () => {
  it('groups by severity, most severe first, and leaves out empty groups', () => {
    const groups = groupFindings([
      makeFinding({ severity: 'style', line: 1 }),
      makeFinding({ severity: 'error', line: 9 }),
      makeFinding({ severity: 'warning', line: 4 }),
    ])
    expect(groups.map((group) => group.severity)).toEqual(['error', 'warning', 'style'])
  })

  it('sorts each group by line, then column', () => {
    const groups = groupFindings([
      makeFinding({ rule: 'C', line: 7, column: 1 }),
      makeFinding({ rule: 'B', line: 2, column: 9 }),
      makeFinding({ rule: 'A', line: 2, column: 3 }),
    ])
    expect(groups[0]?.findings.map((finding) => finding.rule)).toEqual(['A', 'B', 'C'])
  })

  it('does not reorder the list it was given', () => {
    const findings = [makeFinding({ line: 3 }), makeFinding({ line: 1 })]
    groupFindings(findings)
    expect(findings.map((finding) => finding.line)).toEqual([3, 1])
  })
})
