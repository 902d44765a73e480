import { LANGUAGES, languageOf, setLanguage, useTranslation } from '../i18n'

/** The header's language choice; remembered, and sent to the server with every request. */
export function LanguageSwitch() {
  const { t, language: current } = useTranslation()
  return (
    <select
      className="language-switch"
      aria-label={t('Language')}
      value={current}
      onChange={(event) => {
        const chosen = languageOf(event.target.value)
        if (chosen) void setLanguage(chosen)
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.label}
        </option>
      ))}
    </select>
  )
}
