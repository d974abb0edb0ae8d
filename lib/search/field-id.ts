/**
 * An HTML id for a filter's field or one of its choices: always valid (letters, digits, `-` and
 * `_` only, as values such as "Haitian Creole" hold spaces) and unique per choice. In a module of
 * its own, free of the registry, so the filter panel's client components can name their fields.
 */
export function fieldId(param: string, value?: string): string {
  if (value === undefined) return `f-${param}`;
  // "No preference" (the empty value) reads "-none", which no choice's own token starts with.
  const token = value === "" ? "-none" : value.replace(/[^A-Za-z0-9_]+/g, "-");
  return `f-${param}-${token}`;
}
