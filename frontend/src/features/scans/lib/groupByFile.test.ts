import { describe, expect, it } from 'vitest'
import { makeScanFinding } from '../../../test/fixtures'
import { groupByFile } from './groupByFile'

describe('groupByFile', () => {
  it('groups findings by file, files by path and findings by line and column', () => {
    const findings = [
      makeScanFinding({ path: 'web/Dockerfile', line: 9, column: 1, rule: 'DF003' }),
      makeScanFinding({ path: 'compose.yaml', line: 4, rule: 'DC001' }),
      makeScanFinding({ path: 'web/Dockerfile', line: 2, column: 7, rule: 'DF007' }),
      makeScanFinding({ path: 'web/Dockerfile', line: 2, column: 1, rule: 'DF001' }),
    ]
    expect(groupByFile(findings).map(({ path, findings }) => [path, findings.map((f) => f.rule)])).toEqual([
      ['compose.yaml', ['DC001']],
      ['web/Dockerfile', ['DF001', 'DF007', 'DF003']],
    ])
  })

  it('is empty without findings', () => {
    expect(groupByFile([])).toEqual([])
  })
})
