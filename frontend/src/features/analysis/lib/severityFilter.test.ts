import { afterEach, describe, expect, it } from 'vitest'
import { readHiddenSeverities, writeHiddenSeverities } from './severityFilter'

afterEach(() => localStorage.clear())

describe('hidden severities', () => {
  it('are remembered in this browser', () => {
    writeHiddenSeverities(new Set(['style', 'info']))
    expect(readHiddenSeverities()).toEqual(new Set(['info', 'style']))
  })

  it('start empty, and ignore what this version cannot read', () => {
    expect(readHiddenSeverities()).toEqual(new Set())
    localStorage.setItem('dockwright.findings.hiddenSeverities', '{not json')
    expect(readHiddenSeverities()).toEqual(new Set())
    localStorage.setItem('dockwright.findings.hiddenSeverities', '["style","critical"]')
    expect(readHiddenSeverities()).toEqual(new Set(['style']))
  })
})
