/**
 * Names for the API's shapes, taken from the generated OpenAPI types (schema.d.ts) by endpoint, so a
 * renamed serializer does not break the app but a changed field does (at `npm run typecheck`).
 */
import type { components, paths } from './schema'

type Schemas = components['schemas']
type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never
type OkJson<Operation> = Operation extends { responses: { 200: infer Response } } ? JsonBody<Response> : never

export type Severity = Schemas['SeverityEnum']
export type Kind = Schemas['FileKindEnum']
export type FixEdit = Schemas['Edit']
export type FindingFix = Schemas['Fix']

// The schema types a finding's severity and an analysis's kind as plain strings (the serializers use
// CharField); the engine only ever produces the enum values, so the app narrows them here.
export type Finding = Omit<Schemas['Finding'], 'severity'> & { severity: Severity }
type AnalysisResponse = OkJson<paths['/api/v1/analyses/{analysis_id}']['get']>
export type Analysis = Omit<AnalysisResponse, 'kind' | 'findings'> & { kind: Kind; findings: Finding[] }
export type AnalysisInput = Pick<
  JsonBody<NonNullable<paths['/api/v1/analyses']['post']['requestBody']>>,
  'content' | 'kind' | 'filename'
>

/** Findings of a text that was linted and not stored (POST /api/v1/lint). */
export type LintResult = Omit<OkJson<paths['/api/v1/lint']['post']>, 'kind' | 'findings'> & {
  kind: Kind
  findings: Finding[]
}
/** What the findings panel shows: the findings of a text, whether it was only linted or shared. */
export type Review = LintResult & { content: string }

type AnalysisPageResponse = OkJson<paths['/api/v1/analyses']['get']>
/** An entry of the history list: the newest of identical saves, with a preview instead of the content. */
export type AnalysisSummary = Omit<AnalysisPageResponse['results'][number], 'kind'> & { kind: Kind }
/** One page of the signed-in user's history (Django REST framework's page-number pagination). */
export type AnalysisPage = Omit<AnalysisPageResponse, 'results'> & { results: AnalysisSummary[] }

export type Session = OkJson<paths['/api/v1/auth/session']['get']>
export type SignInInput = JsonBody<paths['/api/v1/auth/session']['post']['requestBody']>

export type Rule = OkJson<paths['/api/v1/rules']['get']>[number]
/** A rule as its page shows it: the catalogue's fields and the table of facts it judges by. */
export type RuleDetail = OkJson<paths['/api/v1/rules/{rule_id}']['get']>
export type RuleKnowledge = NonNullable<RuleDetail['knowledge']>
/** A hadolint or BuildKit check with no Dockwright rule of its own: why, and which rule covers it, if any. */
export type PeerGap = OkJson<paths['/api/v1/peer-gaps']['get']>[number]
export type ServiceInfo = OkJson<paths['/api/v1/info']['get']>

/** /health/ready is a probe outside the versioned API, so it is not in the OpenAPI schema. */
export interface Readiness {
  status: string
  checks: Record<string, string>
}
