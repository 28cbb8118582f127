import { useLocale, useT } from '../i18n/i18n-provider';
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES } from '../i18n/locale';

export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('app.languageSwitch')}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={LOCALE_TAGS[option]}
          aria-pressed={option === locale}
          className="language-switch__option"
          onClick={() => setLocale(option)}
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
