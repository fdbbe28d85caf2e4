// Languages a work can be written in: BCP 47 code and the language's own name.

export const LANGUAGES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['en', 'English'], ['ar', 'العربية'], ['bg', 'Български'], ['bn', 'বাংলা'], ['ca', 'Català'],
  ['cs', 'Čeština'], ['cy', 'Cymraeg'], ['da', 'Dansk'], ['de', 'Deutsch'], ['el', 'Ελληνικά'],
  ['eo', 'Esperanto'], ['es', 'Español'], ['et', 'Eesti'], ['eu', 'Euskara'], ['fa', 'فارسی'],
  ['fi', 'Suomi'], ['fil', 'Filipino'], ['fr', 'Français'], ['ga', 'Gaeilge'], ['gl', 'Galego'],
  ['he', 'עברית'], ['hi', 'हिन्दी'], ['hr', 'Hrvatski'], ['hu', 'Magyar'], ['id', 'Bahasa Indonesia'],
  ['is', 'Íslenska'], ['it', 'Italiano'], ['ja', '日本語'], ['ko', '한국어'], ['la', 'Latina'],
  ['lt', 'Lietuvių'], ['lv', 'Latviešu'], ['ms', 'Bahasa Melayu'], ['nl', 'Nederlands'], ['no', 'Norsk'],
  ['pl', 'Polski'], ['pt-BR', 'Português brasileiro'], ['pt-PT', 'Português europeu'], ['ro', 'Română'],
  ['ru', 'Русский'], ['sk', 'Slovenčina'], ['sl', 'Slovenščina'], ['sr', 'Српски'], ['sv', 'Svenska'],
  ['ta', 'தமிழ்'], ['th', 'ไทย'], ['tl', 'Tagalog'], ['tr', 'Türkçe'], ['uk', 'Українська'],
  ['vi', 'Tiếng Việt'], ['yi', 'ייִדיש'], ['zh', '中文'],
];

const NAMES = new Map(LANGUAGES);

/** The display name of a language code, or the code itself when unknown. */
export function languageName(code: string): string {
  return NAMES.get(code) ?? code;
}

/** True for a language the archive offers. */
export function isLanguage(code: string): boolean {
  return NAMES.has(code);
}

const RTL = new Set(['ar', 'fa', 'he', 'yi']);

/** The text direction of a language, for the dir attribute. */
export function languageDirection(code: string): 'rtl' | 'ltr' {
  return RTL.has(code) ? 'rtl' : 'ltr';
}
