import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { EXAMPLES } from '../lib/examples'
import { EditorToolbar } from './EditorToolbar'

describe('EditorToolbar examples', () => {
  it('loads an example only when the button is pressed, not when the list changes', async () => {
    const onExample = vi.fn()
    render(
      <EditorToolbar
        kind="dockerfile"
        kindSource="content"
        onChooseKind={vi.fn()}
        onDetectKind={vi.fn()}
        onFile={vi.fn()}
        onExample={onExample}
        onAnalyse={vi.fn()}
        canAnalyse={false}
      />,
    )
    const second = EXAMPLES[1]!
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Example' }), second.id)
    expect(onExample).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Load example' }))
    expect(onExample).toHaveBeenCalledWith(second)
  })
})
