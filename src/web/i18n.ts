// Dutch first, English second. Each module keeps its own dictionary (i18n.ts beside its pages) and registers it
// here; `t` falls back to Dutch and then to the key, and a test checks both languages have every key.
export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Dictionary = Record<string, string>;
export interface ModuleDictionary {
  nl: Dictionary;
  en: Dictionary;
}

const registry: ModuleDictionary[] = [];
let merged: Record<Lang, Dictionary> | undefined;

export function registerDictionary(dictionary: ModuleDictionary): void {
  registry.push(dictionary);
  merged = undefined;
}

export function dictionaries(): Record<Lang, Dictionary> {
  merged ??= {
    nl: Object.assign({}, ...registry.map((d) => d.nl)),
    en: Object.assign({}, ...registry.map((d) => d.en)),
  };
  return merged;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `{name}` placeholders are filled from `params`. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const all = dictionaries();
  const text = all[lang][key] ?? all.nl[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

export type T = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}

const DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

/** Stored in UTC, shown in Europe/Amsterdam. */
export function formatDateTime(lang: Lang, value: Date | string): string {
  return DATE_TIME[lang].format(typeof value === 'string' ? new Date(value) : value);
}
