import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makePeerGap, makeRule } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const rules = [
  makeRule({ id: 'DF003', slug: 'latest-tag', title: 'Base image uses the `latest` tag', equivalents: { hadolint: 'DL3007' } }),
  makeRule({ id: 'DF005', slug: 'root-user', severity: 'warning', title: 'Final stage runs as root', equivalents: {} }),
  makeRule({ id: 'DC004', slug: 'privileged', target: 'compose', severity: 'error', title: 'Service runs privileged', equivalents: {} }),
]

const gaps = [
  makePeerGap(),
  makePeerGap({
    peer_id: 'DL3061',
    reason: 'an instruction other than ARG before the first FROM is a syntax error',
    covered_by: 'DF001',
  }),
  makePeerGap({ peer: 'buildkit', peer_id: 'InvalidBaseImagePlatform', reason: 'needs a registry' }),
]

function ruleIds(): string[] {
  return within(screen.getByRole('list', { name: 'Rules' })).getAllByRole('link').map((link) => link.getAttribute('href') ?? '')
}

describe('RulesPage', () => {
  it('lists rules and filters them by search, target and severity', async () => {
    server.use(http.get('/api/v1/rules', () => HttpResponse.json(rules)))
    const { location } = renderAt('/rules')
    expect(await screen.findByText('3 rules')).toBeInTheDocument()

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'DL3007')
    expect(ruleIds()).toEqual(['/rules/DF003'])
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 rules match')
    expect(location()?.search).toBe('?q=DL3007')

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }))
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'File type' }), 'compose')
    expect(ruleIds()).toEqual(['/rules/DC004'])

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'File type' }), '')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'warning')
    expect(ruleIds()).toEqual(['/rules/DF003', '/rules/DF005'])
  })

  it('reads its filters from the URL', async () => {
    server.use(http.get('/api/v1/rules', () => HttpResponse.json(rules)))
    renderAt('/rules?target=compose')
    expect(await screen.findByText('1 of 3 rules match')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'File type' })).toHaveValue('compose')
  })

  it('says when nothing matches', async () => {
    server.use(http.get('/api/v1/rules', () => HttpResponse.json(rules)))
    renderAt('/rules?q=nothing-like-this')
    expect(await screen.findByText(/No rule matches these filters/)).toBeInTheDocument()
  })

  it('offers to retry when the catalogue cannot load', async () => {
    let calls = 0
    server.use(
      http.get('/api/v1/rules', () => {
        calls++
        return calls === 1 ? HttpResponse.error() : HttpResponse.json(rules)
      }),
    )
    renderAt('/rules')
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the Dockwright server')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('3 rules')).toBeInTheDocument()
  })

  it('ends with the checks from other tools that have no rule, why, and the rule covering them', async () => {
    server.use(
      http.get('/api/v1/rules', () => HttpResponse.json(rules)),
      http.get('/api/v1/peer-gaps', () => HttpResponse.json(gaps)),
    )
    renderAt('/rules')
    const table = await screen.findByRole('table', { name: 'Checks from other tools without a rule of their own' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'DL3005',
      'DL3061',
      'InvalidBaseImagePlatform',
    ])
    expect(within(table).getByRole('row', { name: /DL3005/ })).toHaveTextContent('hadolint')
    expect(within(table).getByRole('row', { name: /DL3005/ })).toHaveTextContent('retired by hadolint')
    expect(within(table).getByRole('row', { name: /InvalidBaseImagePlatform/ })).toHaveTextContent('BuildKit checks')
    const covered = within(table).getByRole('row', { name: /DL3061/ })
    expect(within(covered).getByRole('link', { name: 'DF001' })).toHaveAttribute('href', '/rules/DF001')
  })

  it('explains a search for a peer id that has no rule of its own', async () => {
    server.use(
      http.get('/api/v1/rules', () => HttpResponse.json(rules)),
      http.get('/api/v1/peer-gaps', () => HttpResponse.json(gaps)),
    )
    renderAt('/rules')
    await screen.findByRole('table', { name: 'Checks from other tools without a rule of their own' })

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'dl3005')
    const matches = screen.getByRole('list', { name: 'Matching checks from other tools' })
    expect(within(matches).getAllByRole('listitem')).toHaveLength(1)
    expect(matches).toHaveTextContent('DL3005 has no rule of its own: retired by hadolint')
    expect(screen.getByRole('status')).toHaveTextContent('0 of 3 rules match')
    expect(screen.queryByText(/No rule matches these filters/)).not.toBeInTheDocument()

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }))
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'DL3061')
    const covered = screen.getByRole('list', { name: 'Matching checks from other tools' })
    expect(within(covered).getByRole('link', { name: 'DF001' })).toHaveAttribute('href', '/rules/DF001')

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }))
    expect(screen.queryByRole('list', { name: 'Matching checks from other tools' })).not.toBeInTheDocument()
  })

  it('keeps the rules usable when the list of gaps cannot load', async () => {
    server.use(
      http.get('/api/v1/rules', () => HttpResponse.json(rules)),
      http.get('/api/v1/peer-gaps', () => HttpResponse.error()),
    )
    renderAt('/rules')
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the Dockwright server')
    expect(screen.getByText('3 rules')).toBeInTheDocument()
    expect(ruleIds()).toHaveLength(3)
  })
})
