#!/usr/bin/env node
// Prints every built chunk's raw and gzip size, then the JavaScript the editor page loads to paint
// (the entry chunk, the lazy CodeMirror chunk and everything they import statically), and exits
// non-zero when that total is over budget. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 200 * 1000
// Source modules whose chunks the editor page needs before it can be used (besides the entry).
const EDITOR_PAGE_MODULES = ['src/features/analysis/components/editor/CodeEditor.tsx']

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const manifestPath = join(distDir, '.vite', 'manifest.json')
if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run \`npm run build\` first.`)
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

function sizes(file) {
  const bytes = readFileSync(join(distDir, file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** The manifest key of a chunk and of every chunk it imports statically, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  if (!chunk) throw new Error(`${key} is not in the build manifest; was it renamed?`)
  seen.add(key)
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen)
  return seen
}

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)
const editorPageKeys = new Set()
for (const key of [...entries, ...EDITOR_PAGE_MODULES]) staticClosure(key, editorPageKeys)
const editorPageFiles = new Set([...editorPageKeys].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]))

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
const files = [...new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]))]
const rows = files.map((file) => ({ file, ...sizes(file) })).sort((a, b) => b.gzip - a.gzip)

console.log('chunk'.padEnd(46), 'raw'.padStart(12), 'gzip'.padStart(12), '  editor page')
for (const row of rows) {
  const onPage = editorPageFiles.has(row.file) ? '  *' : ''
  console.log(row.file.padEnd(46), kb(row.raw).padStart(12), kb(row.gzip).padStart(12), onPage)
}

const pageRows = rows.filter((row) => editorPageFiles.has(row.file) && row.file.endsWith('.js'))
const total = pageRows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 })
console.log()
console.log(`Editor page JavaScript (${pageRows.length} chunks): ${kb(total.raw)} raw, ${kb(total.gzip)} gzip`)
console.log(`Budget: ${kb(BUDGET_BYTES)} gzip`)
if (total.gzip > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(total.gzip - BUDGET_BYTES)}.`)
  process.exit(1)
}
console.log(`Within budget (${kb(BUDGET_BYTES - total.gzip)} to spare).`)
