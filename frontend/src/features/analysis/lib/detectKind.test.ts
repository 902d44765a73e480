import { describe, expect, it } from 'vitest'
import { detectKind, kindFromFilename } from './detectKind'

describe('kindFromFilename', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['docker-compose.yml', 'compose'],
    ['compose.override.yaml', 'compose'],
    ['deploy/stack.yaml', 'compose'],
    ['C:\\src\\Dockerfile', 'dockerfile'],
    ['notes.txt', null],
    ['', null],
  ])('%s -> %s', (name, kind) => {
    expect(kindFromFilename(name)).toBe(kind)
  })
})

describe('detectKind', () => {
  it('prefers the file name over the content', () => {
    expect(detectKind('services:\n  web: {}\n', 'Dockerfile')).toEqual({ kind: 'dockerfile', source: 'filename' })
  })

  it('recognises Compose content', () => {
    expect(detectKind('services:\n  web:\n    image: nginx\n')).toEqual({ kind: 'compose', source: 'content' })
  })

  it('treats instructions as a Dockerfile', () => {
    expect(detectKind('FROM alpine\nRUN echo hi\n')).toEqual({ kind: 'dockerfile', source: 'content' })
  })

  it('falls back to Dockerfile for anything else', () => {
    expect(detectKind('hello').kind).toBe('dockerfile')
  })
})
