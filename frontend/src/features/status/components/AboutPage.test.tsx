import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

describe('AboutPage', () => {
  it('shows the service details and a healthy status', async () => {
    renderAt('/about')
    expect(await screen.findByText('1.0.0')).toBeInTheDocument()
    expect(screen.getByText('2026.11')).toBeInTheDocument()
    expect(await screen.findByText('All systems ready')).toBeInTheDocument()
  })

  it('shows which dependency fails when the service is not ready', async () => {
    server.use(
      http.get('/health/ready', () =>
        HttpResponse.json(
          { status: 'unavailable', checks: { database: 'error: connection refused', cache: 'ok' } },
          { status: 503 },
        ),
      ),
    )
    renderAt('/about')
    expect(await screen.findByText(/Not ready/)).toBeInTheDocument()
    expect(screen.getByText('error: connection refused')).toBeInTheDocument()
  })
})
