/** What only Chinese readers need: i18next with the Chinese texts, and remembering the choice. */
import type { Language } from '.'

const ONE_YEAR_SECONDS = 365 * 24 * 3600

/** The translator of `lang` (English needs none). */
export async function translator(lang: Language) {
  if (lang === 'en') return null
  const [{ createInstance }, { default: texts }] = await Promise.all([
    import('i18next'),
    import('./locales/zh-Hans'),
  ])
  const instance = createInstance()
  await instance.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: texts } },
    // Keys are English sentences, which may hold ':' and '.'.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  })
  return instance
}

/** Keeps the choice in localStorage (under `storageKey`, when chosen) and in Django's language cookie, so that the
 * admin and pages opened outside the app follow it too. */
export function remember(lang: Language, storageKey: string | null): void {
  if (storageKey) {
    try {
      localStorage.setItem(storageKey, lang)
    } catch {
      // Storage refused (private mode): the choice lasts until the page is closed.
    }
  }
  document.cookie = `django_language=${lang.toLowerCase()}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`
}
