import type { Rule } from '../../../api/types'
import { t } from '../../../i18n'

export interface IgnoreComment {
  tool: string
  comment: string
  where: string
}

/**
 * The comments that silence a rule, ours first, then the peers' that Dockwright also honours (so files
 * annotated for hadolint, BuildKit or dclint keep working; see dockwright/pragmas.py). `where` is in the
 * language of the moment.
 */
export function ignoreComments(rule: Pick<Rule, 'id' | 'target' | 'equivalents'>): IgnoreComment[] {
  const { hadolint, buildkit, dclint, shellcheck } = rule.equivalents
  const comments: IgnoreComment[] = []
  if (rule.target === 'compose') {
    comments.push({ tool: 'Dockwright', comment: `# dockwright ignore=${rule.id}`, where: t('on the line above') })
    if (dclint) {
      comments.push({ tool: 'DCLint', comment: `# dclint disable-next-line ${dclint}`, where: t('on the line above') })
    }
    return comments
  }
  comments.push(
    { tool: 'Dockwright', comment: `# dockwright ignore=${rule.id}`, where: t('above the instruction') },
    { tool: 'Dockwright', comment: `# dockwright global ignore=${rule.id}`, where: t('anywhere, for the whole file') },
  )
  if (shellcheck) {
    comments.push({
      tool: 'Dockwright',
      comment: '# dockwright ignore=SC2086',
      where: t('above the RUN, for one ShellCheck code'),
    })
  }
  if (hadolint) comments.push({ tool: 'hadolint', comment: `# hadolint ignore=${hadolint}`, where: t('above the instruction') })
  if (buildkit) comments.push({ tool: 'BuildKit', comment: `# check=skip=${buildkit}`, where: t('at the top of the file') })
  return comments
}
