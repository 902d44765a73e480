import type { Kind } from '../../../api/types'

/*
 * The same detection as the engine (backend/dockwright/detect.py), so the editor highlights and labels a
 * file the way the server will analyse it: by file name first, then by content.
 */

const COMPOSE_NAMES = /^(docker-)?compose([.\-_][\w.-]*)?\.ya?ml$/i
const DOCKERFILE_NAMES = /^(dockerfile|containerfile)([.\-_][\w.-]*)?$|\.(dockerfile|containerfile)$/i
const INSTRUCTION =
  /^\s*(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|MAINTAINER)\b/im
const COMPOSE_KEYS = /^(services|version|volumes|networks|secrets|configs|name|include|x-[\w-]+)\s*:/m

export type KindSource = 'filename' | 'content'

export function kindFromFilename(filename: string | null | undefined): Kind | null {
  if (!filename) return null
  const name = filename.replace(/\\/g, '/').split('/').pop() ?? ''
  if (COMPOSE_NAMES.test(name)) return 'compose'
  if (DOCKERFILE_NAMES.test(name)) return 'dockerfile'
  if (/\.ya?ml$/i.test(name)) return 'compose'
  return null
}

export function detectKind(content: string, filename?: string | null): { kind: Kind; source: KindSource } {
  const byName = kindFromFilename(filename)
  if (byName) return { kind: byName, source: 'filename' }
  const compose = COMPOSE_KEYS.exec(content)
  if (!compose) return { kind: 'dockerfile', source: 'content' }
  const instruction = INSTRUCTION.exec(content)
  if (!instruction || compose.index < instruction.index) return { kind: 'compose', source: 'content' }
  return { kind: 'dockerfile', source: 'content' }
}
