/**
 * Languages a clinic may list (besides English), by the name stored in `clinics.languages`. Search
 * filters accept only these names, so a language filter never carries free text.
 */
export const LANGUAGES = [
  "English",
  "Spanish",
  "Mandarin",
  "Cantonese",
  "Vietnamese",
  "Korean",
  "Tagalog",
  "Russian",
  "Arabic",
  "French",
  "Portuguese",
  "Haitian Creole",
  "Hindi",
  "Polish",
  "American Sign Language",
] as const;

export type Language = (typeof LANGUAGES)[number];

const BY_LOWER = new Map<string, Language>(LANGUAGES.map((l) => [l.toLowerCase(), l]));

/** The listed name of a language, matched without regard to case or extra spaces; else undefined. */
export function canonicalLanguage(input: string): Language | undefined {
  return BY_LOWER.get(input.trim().replace(/\s+/g, " ").toLowerCase());
}
