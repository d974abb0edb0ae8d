/**
 * A small RFC 4180 CSV reader: commas, double-quoted cells with "" escapes and line breaks inside
 * quotes, CRLF or LF line ends, a UTF-8 byte-order mark. Pure; throws on an unclosed quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quoteLine = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      line++;
    } else cell += ch;
  }
  if (quoted) throw new Error(`A quoted cell that starts on line ${quoteLine} is never closed.`);
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines (a lone empty cell) carry no data.
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
}

/** One CSV line from values (quoting where needed), for templates and exports. */
export function toCsvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",");
}

/**
 * The text of an uploaded file, decoded strictly as UTF-8: a byte sequence that is not UTF-8 (a file
 * saved as Latin-1 or Windows-1252, say) is reported by line instead of silently becoming "\uFFFD".
 * Lines are split on the newline byte, which never occurs inside a multi-byte UTF-8 character.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  maxBadLines = 20,
): { ok: true; text: string } | { ok: false; badLines: number[] } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const badLines: number[] = [];
    let start = 0;
    for (let line = 1; start <= bytes.length && badLines.length < maxBadLines; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        badLines.push(line);
      }
      start = end + 1;
    }
    return { ok: false, badLines };
  }
}
