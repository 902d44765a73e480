import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

function header() {
  return within(screen.getByRole('banner'))
}

describe('AccountMenu', () => {
  it('offers visitors a sign-in link that comes back to the current page', async () => {
    renderAt('/rules?q=apt')
    const link = await header().findByRole('link', { name: 'Sign in' })
    expect(link).toHaveAttribute('href', '/signin?next=%2Frules%3Fq%3Dapt')
  })

  it('shows the signed-in user, their pages and signs out', async () => {
    let signedIn = true
    server.use(
      http.get('/api/v1/auth/session', () =>
        HttpResponse.json(signedIn ? { authenticated: true, username: 'alice' } : { authenticated: false, username: null }),
      ),
      http.delete('/api/v1/auth/session', () => {
        signedIn = false
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderAt('/rules')
    expect(await header().findByText('alice')).toBeInTheDocument()
    expect(header().getByText('Signed in as')).toBeInTheDocument()
    expect(header().getByRole('link', { name: 'Projects' })).toHaveAttribute('href', '/projects')
    expect(header().getByRole('link', { name: 'Tokens' })).toHaveAttribute('href', '/tokens')
    expect(header().getByRole('link', { name: 'History' })).toHaveAttribute('href', '/history')

    await userEvent.click(header().getByRole('button', { name: 'Sign out' }))
    expect(await header().findByRole('link', { name: 'Sign in' })).toBeInTheDocument()
    expect(header().queryByText('alice')).not.toBeInTheDocument()
    expect(signedIn).toBe(false)
  })

  it('says so when signing out fails and stays signed in', async () => {
    server.use(
      http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })),
      http.delete('/api/v1/auth/session', () => HttpResponse.error()),
    )
    renderAt('/rules')
    await userEvent.click(await header().findByRole('button', { name: 'Sign out' }))
    expect(await header().findByRole('alert')).toHaveTextContent('Could not sign out')
    expect(header().getByText('alice')).toBeInTheDocument()
  })

  it('treats an unreachable session endpoint as signed out, so the app still works', async () => {
    server.use(http.get('/api/v1/auth/session', () => HttpResponse.error()))
    renderAt('/rules')
    expect(await header().findByRole('link', { name: 'Sign in' })).toBeInTheDocument()
  })
})
