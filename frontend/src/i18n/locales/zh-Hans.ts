/**
 * Every Simplified Chinese text of the app, by its English wording. Each feature keeps its texts in a file of its
 * own under ./zh-Hans (a new page adds its file, and nothing else changes); they are merged here into the one
 * table i18next reads. This module is only ever imported on demand (../switch), so none of it weighs on a page
 * read in English.
 */
const files = import.meta.glob<Record<string, string>>('./zh-Hans/*.json', { eager: true, import: 'default' })

const texts: Record<string, string> = Object.assign({}, ...Object.values(files))
export default texts
