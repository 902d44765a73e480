import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeRule } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const rules = [
  makeRule({ id: 'DF003', slug: 'latest-tag', title: 'Base image uses the `latest` tag', equivalents: { hadolint: 'DL3007' } }),
  makeRule({ id: 'DF005', slug: 'root-user', severity: 'warning', title: 'Final stage runs as root', equivalents: {} }),
  makeRule({ id: 'DC004', slug: 'privileged', target: 'compose', severity: 'error', title: 'Service runs privileged', equivalents: {} }),
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
})
