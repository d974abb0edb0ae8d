/** Reading the cost pages' downloads in tests. */

/** A CSV line split on commas outside quotes (RFC 4180). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** "$1,250" → 1250. */
export const dollars = (text: string) => Number(text.replace(/[$,]/g, ""));

/** A CSV file's lines (CRLF), each split into fields. */
export const csvLines = (text: string) => text.trim().split("\r\n").map(csvFields);

/** The columns of every cost download's CSV (lib/costs/export.ts), as a reader expects them. */
export const COSTS_CSV_HEADER = [
  "place",
  "as_of",
  "section",
  "route",
  "group",
  "measure",
  "value",
  "unit",
  "clinics",
  "few_clinics",
];
