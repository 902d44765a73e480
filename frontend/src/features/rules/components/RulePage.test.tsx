import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeRule } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

describe('RulePage', () => {
  it('shows the rationale, both examples, the fix and the peer equivalent', async () => {
    server.use(http.get('/api/v1/rules/:id', () => HttpResponse.json(makeRule())))
    renderAt('/rules/DF007')
    expect(await screen.findByRole('heading', { level: 1, name: 'Base image uses the latest tag' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Why it matters' })).toHaveTextContent('latest moves; the same Dockerfile')
    expect(screen.getByRole('figure', { name: 'Triggers the rule' })).toHaveTextContent('FROM python:latest')
    expect(screen.getByRole('figure', { name: 'Passes' })).toHaveTextContent('FROM python:3.12-slim')
    expect(screen.getByText('Pin a release tag or a digest')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'DL3007' })).toHaveAttribute(
      'href',
      'https://github.com/hadolint/hadolint/wiki/DL3007',
    )
  })

  it('shows the style profile and the options a config may give the rule', async () => {
    const rule = makeRule({
      id: 'DC016',
      profile: 'style',
      options: [{ name: 'quote', description: 'the quotes a port must be in', default: 'any', dclint: 'quoteType' }],
    })
    server.use(http.get('/api/v1/rules/:id', () => HttpResponse.json(rule)))
    renderAt('/rules/DC016')
    expect(await screen.findByText('Style profile')).toBeInTheDocument()
    const options = screen.getByRole('region', { name: 'Options' })
    expect(options).toHaveTextContent('quote (dclint: quoteType)')
    expect(options).toHaveTextContent('the quotes a port must be in Default: "any"')
  })

  it('says when a rule does not exist', async () => {
    server.use(
      http.get('/api/v1/rules/:id', () => HttpResponse.json({ message: 'Unknown rule: XX999.', details: null }, { status: 404 })),
    )
    renderAt('/rules/XX999')
    expect(await screen.findByRole('heading', { level: 1, name: 'Rule not found' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    // The title is set by an effect, which may run a moment after the heading is drawn.
    await waitFor(() => expect(document.title).toBe('Rule not found · Dockwright'))
  })

  it("moves a peer's id to our rule's page", async () => {
    server.use(http.get('/api/v1/rules/:id', () => HttpResponse.json(makeRule({ id: 'DF010', equivalents: { hadolint: 'DL3008' } }))))
    const { location } = renderAt('/rules/DL3008')
    await waitFor(() => expect(location()?.pathname).toBe('/rules/DF010'))
    expect(await screen.findByRole('link', { name: 'Try the example in the editor' })).toHaveAttribute('href', '/?try=DF010')
    expect(screen.getByRole('table')).toHaveTextContent('# dockwright ignore=DF010')
    expect(screen.getByRole('table')).toHaveTextContent('# hadolint ignore=DL3008')
  })
})
