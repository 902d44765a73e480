import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The dev server forwards API calls to a Django runserver (`make run` listens on 8000).
const apiTarget = process.env.DOCKWRIGHT_API_URL ?? 'http://127.0.0.1:8000'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
    },
  },
  build: {
    // scripts/bundle-size.mjs reads the manifest to know which chunks the editor page loads.
    manifest: true,
    target: 'es2022',
    // Every browser the es2022 target runs in preloads modules itself; the polyfill was dead weight on the
    // editor page's budget.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Name the CodeMirror core chunk after what it holds. Only what the Dockerfile editor uses goes in
        // it: YAML support (and what only it needs) stays in the chunk Compose files load on demand.
        advancedChunks: {
          groups: [
            {
              name: 'codemirror',
              test: /node_modules[\\/](@codemirror[\\/](state|view|language|lint|commands|legacy-modes)|@lezer[\\/](common|highlight)|style-mod|w3c-keyname|crelt)[\\/]/,
              priority: 2,
            },
            { name: 'codemirror-yaml', test: /node_modules[\\/](@codemirror|@lezer)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Whole-app tests mount CodeMirror in jsdom; on a busy 2-core CI machine that can take seconds.
    testTimeout: 20000,
  },
})
