// Dutch first, English second. Each module keeps its own dictionary (i18n.ts beside its pages) and registers it
// here; `t` falls back to Dutch and then to the key, and a test checks both languages have every key.
export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/**
 * The public pages (anonymous reporting) speak to people who may not read Dutch or English: besides those, the
 * languages of the largest groups of labour migrants in the Netherlands. Every other page stays Dutch or English.
 */
export const PUBLIC_LANGUAGES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk'] as const;
export type PublicLang = (typeof PUBLIC_LANGUAGES)[number];

/** Each language by its own name, for the language menu. */
export const LANGUAGE_NAMES: Record<PublicLang, string> = {
  nl: 'Nederlands',
  en: 'English',
  pl: 'Polski',
  ro: 'Română',
  bg: 'Български',
  uk: 'Українська',
};

export type Dictionary = Record<string, string>;
/** Dutch and English always; the other public languages only where a module has public pages. */
export type ModuleDictionary = Record<Lang, Dictionary> & Partial<Record<PublicLang, Dictionary>>;

const registry: ModuleDictionary[] = [];
let merged: Record<Lang, Dictionary> | undefined;
let mergedPublic: Partial<Record<PublicLang, Dictionary>> = {};

export function registerDictionary(dictionary: ModuleDictionary): void {
  registry.push(dictionary);
  merged = undefined;
  mergedPublic = {};
}

export function dictionaries(): Record<Lang, Dictionary> {
  merged ??= {
    nl: Object.assign({}, ...registry.map((d) => d.nl)),
    en: Object.assign({}, ...registry.map((d) => d.en)),
  };
  return merged;
}

/** One language's texts from every module (Dutch and English: see `dictionaries`). */
export function dictionary(lang: PublicLang): Dictionary {
  if (lang === 'nl' || lang === 'en') return dictionaries()[lang];
  return (mergedPublic[lang] ??= Object.assign({}, ...registry.map((d) => d[lang] ?? {})) as Dictionary);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isPublicLang(value: unknown): value is PublicLang {
  return typeof value === 'string' && (PUBLIC_LANGUAGES as readonly string[]).includes(value);
}

/** The app language (Dutch or English) nearest to a public language: for the parts of a page not translated. */
export function appLanguage(lang: PublicLang): Lang {
  return lang === 'nl' ? 'nl' : 'en';
}

/**
 * `{name}` placeholders are filled from `params`. A text missing in Polish, Romanian, Bulgarian or Ukrainian falls
 * back to English (more readers of those languages read English than Dutch), then Dutch, then the key.
 */
export function translate(lang: PublicLang, key: string, params?: Record<string, string | number>): string {
  const all = dictionaries();
  const own = lang === 'nl' || lang === 'en' ? undefined : dictionary(lang)[key];
  const text = own ?? (lang === 'nl' ? undefined : all.en[key]) ?? all.nl[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

export type T = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: PublicLang): T {
  return (key, params) => translate(lang, key, params);
}

const LOCALES: Record<PublicLang, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  pl: 'pl-PL',
  ro: 'ro-RO',
  bg: 'bg-BG',
  uk: 'uk-UA',
};
const DATE_TIME = Object.fromEntries(
  PUBLIC_LANGUAGES.map((lang) => [
    lang,
    new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    }),
  ]),
) as Record<PublicLang, Intl.DateTimeFormat>;

/** Stored in UTC, shown in Europe/Amsterdam. */
export function formatDateTime(lang: PublicLang, value: Date | string): string {
  return DATE_TIME[lang].format(typeof value === 'string' ? new Date(value) : value);
}
