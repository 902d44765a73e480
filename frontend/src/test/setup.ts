import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { initI18n } from '../i18n'
import { server } from './server'

// findBy* waits 1 s by default; lazily loaded pages on a busy 2-core CI machine can take longer than that.
configure({ asyncUtilTimeout: 5000 })

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  await initI18n()
})
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

// jsdom does no layout; CodeMirror measures text ranges, so give it empty rectangles to measure.
if (!Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = () => new DOMRect()
}
