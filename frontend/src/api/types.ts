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

export type Rule = OkJson<paths['/api/v1/rules/{rule_id}']['get']>
export type ServiceInfo = OkJson<paths['/api/v1/info']['get']>

/** /health/ready is a probe outside the versioned API, so it is not in the OpenAPI schema. */
export interface Readiness {
  status: string
  checks: Record<string, string>
}
