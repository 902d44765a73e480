import { useId, type ReactNode } from 'react'
import './FormField.css'

/** What a control needs to be labelled, described by the hint and the error, and marked invalid. */
export interface FieldProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

interface FormFieldProps {
  label: string
  hint?: string
  error?: string | null
  /** The control, given the props that tie it to its label, hint and error. */
  children: (props: FieldProps) => ReactNode
}

/** A labelled form control with an optional hint under it and the error that refused it. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  const id = useId()
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  )
}
