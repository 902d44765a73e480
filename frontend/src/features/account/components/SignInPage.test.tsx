import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

function acceptOnly(username: string, password: string) {
  const attempts: unknown[] = []
  server.use(
    http.post('/api/v1/auth/session', async ({ request }) => {
      const body = (await request.json()) as { username: string; password: string }
      attempts.push(body)
      if (body.username === username && body.password === password) {
        return HttpResponse.json({ authenticated: true, username })
      }
      return HttpResponse.json({ message: 'unknown username or wrong password', details: null }, { status: 403 })
    }),
  )
  return attempts
}

describe('SignInPage', () => {
  it('signs in, shows the user in the header and goes where it was asked to', async () => {
    const attempts = acceptOnly('alice', 's3cret pass')
    const { location } = renderAt('/signin?next=%2Frules')
    await userEvent.type(await screen.findByLabelText('Username'), 'alice')
    await userEvent.type(screen.getByLabelText('Password'), 's3cret pass{Enter}')

    expect(await screen.findByText('alice')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument()
    expect(location()?.pathname).toBe('/rules')
    expect(attempts).toEqual([{ username: 'alice', password: 's3cret pass' }])
  })

  it('goes to the history when there is nowhere else to go', async () => {
    acceptOnly('alice', 'pw')
    const { location } = renderAt('/signin')
    await userEvent.type(await screen.findByLabelText('Username'), 'alice')
    await userEvent.type(screen.getByLabelText('Password'), 'pw')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'History' })).toBeInTheDocument()
    expect(location()?.pathname).toBe('/history')
  })

  it('says in plain words when the password is wrong, and lets the user try again', async () => {
    acceptOnly('alice', 'right')
    renderAt('/signin')
    await userEvent.type(await screen.findByLabelText('Username'), 'alice')
    await userEvent.type(screen.getByLabelText('Password'), 'wrong{Enter}')

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That username and password do not match an account. Check both and try again',
    )
    expect(screen.getByLabelText('Password')).toHaveValue('')
    expect(screen.getByLabelText('Password')).toHaveFocus()
    expect(screen.getByLabelText('Username')).toHaveValue('alice')
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument()
  })

  it('asks for the missing fields without calling the API', async () => {
    const attempts = acceptOnly('alice', 'pw')
    renderAt('/signin')
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Enter your username.')
    expect(screen.getByLabelText('Username')).toHaveFocus()
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.')
    expect(attempts).toEqual([])
  })

  it('explains that there is no sign-up', async () => {
    renderAt('/signin')
    expect(await screen.findByText(/There is no open sign-up/)).toHaveTextContent('manage.py createsuperuser')
  })

  it('tells a signed-in visitor who they are instead of showing the form', async () => {
    server.use(http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'bob' })))
    renderAt('/signin')
    expect(await screen.findByRole('heading', { name: 'Signed in' })).toBeInTheDocument()
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument()
  })
})
