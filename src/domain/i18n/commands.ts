// The words commands take after them (/alerts on, /digest off, /digest now) in each language.
import { LANGS, type Lang } from './lang.js';

export type SwitchWord = 'on' | 'off' | 'now';

export const SWITCH_WORDS: Record<Lang, Record<SwitchWord, readonly string[]>> = {
  en: { on: ['on'], off: ['off'], now: ['now'] },
  ru: { on: ['вкл', 'включить'], off: ['выкл', 'выключить'], now: ['сейчас'] },
};

/**
 * Which switch a word means, in any language the bot speaks (a chat switched to English may still type
 * "выкл"); null for anything else. Expects the word lower-cased and trimmed.
 */
export function switchWord(input: string): SwitchWord | null {
  for (const lang of LANGS) {
    for (const [word, spellings] of Object.entries(SWITCH_WORDS[lang]) as [SwitchWord, readonly string[]][]) {
      if (spellings.includes(input)) return word;
    }
  }
  return null;
}
