import { describe, expect, it } from 'vitest'
import { makeRule } from '../../../test/fixtures'
import { filterRules } from './filterRules'

const rules = [
  makeRule({ id: 'DF003', slug: 'latest-tag', title: 'Base image uses the `latest` tag', equivalents: { hadolint: 'DL3007' } }),
  makeRule({
    id: 'DF001',
    slug: 'root-user',
    severity: 'error',
    title: 'Runs as root',
    rationale: 'A process running as root owns the container.',
    equivalents: {},
  }),
  makeRule({
    id: 'DC002',
    slug: 'privileged',
    target: 'compose',
    severity: 'error',
    title: 'Privileged container',
    rationale: 'Privileged containers can do anything the host can.',
    equivalents: {},
  }),
]

const all = { query: '', target: '' as const, severity: '' as const }

describe('filterRules', () => {
  it('returns every rule in id order without filters', () => {
    expect(filterRules(rules, all).map((rule) => rule.id)).toEqual(['DC002', 'DF001', 'DF003'])
  })

  it('filters by target and severity together', () => {
    expect(filterRules(rules, { ...all, target: 'dockerfile', severity: 'error' }).map((rule) => rule.id)).toEqual([
      'DF001',
    ])
  })

  it('finds a rule by a peer id, case-insensitively', () => {
    expect(filterRules(rules, { ...all, query: 'dl3007' }).map((rule) => rule.id)).toEqual(['DF003'])
  })

  it('requires every word of the query to match', () => {
    expect(filterRules(rules, { ...all, query: 'latest root' })).toEqual([])
    expect(filterRules(rules, { ...all, query: 'latest tag' }).map((rule) => rule.id)).toEqual(['DF003'])
  })
})
