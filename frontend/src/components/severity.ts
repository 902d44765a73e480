import type { Severity } from '../api/types'

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  style: 'Style',
}
