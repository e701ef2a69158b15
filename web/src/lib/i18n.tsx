import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from './api.ts';
import { en } from './messages.en.ts';
import { type Messages, sv } from './messages.sv.ts';
import { readStored, writeStored } from './storage.ts';

export type Language = 'sv' | 'en';
export type { Messages };

export const languages: readonly Language[] = ['sv', 'en'];
const dictionaries: Record<Language, Messages> = { sv, en };
/** The locale used for dates, numbers and sorting in each UI language. */
const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const storageKey = 'karna.language';

function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

/** The language chosen earlier on this device, or Swedish. */
export function readStoredLanguage(): Language {
  const stored = readStored(storageKey);
  return isLanguage(stored) ? stored : 'sv';
}

/** Apply a language before React renders: `<html lang>` and the API's Accept-Language. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  setApiLanguage(language);
}

/** Get a language's dictionary outside React (e.g. for the other language's name). */
export function messagesFor(language: Language): Messages {
  return dictionaries[language];
}

interface I18nValue {
  language: Language;
  /** BCP 47 locale for Intl: `sv-SE` or `en-GB`. */
  locale: string;
  t: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the UI language, keeps `<html lang>` in step and remembers the choice on this device. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  useEffect(() => {
    applyLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    applyLanguage(next);
    writeStored(storageKey, next);
  }, []);

  const value = useMemo(
    () => ({ language, locale: locales[language], t: dictionaries[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, its dictionary `t` and a way to switch. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
