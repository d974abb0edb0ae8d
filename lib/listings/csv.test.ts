import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv, toCsvLine } from "./csv";

describe("CSV", () => {
  it("reads quotes, escaped quotes, commas and line breaks in cells, CRLF and a BOM", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,,3';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
      ["1", "", "3"],
    ]);
  });
  it("refuses an unclosed quote, naming the line", () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(/line 2/);
  });
  it("writes what it reads", () => {
    const row = ["plain", "with, comma", 'quote "q"', "line\nbreak", ""];
    expect(parseCsv(toCsvLine(row))).toEqual([row]);
  });

  it("decodes UTF-8 strictly and names the lines that are not UTF-8 (no silent \uFFFD)", () => {
    const utf8 = new TextEncoder().encode("name,city\nCafé Ünal 🌿,Reno\n");
    expect(decodeUtf8(utf8)).toEqual({ ok: true, text: "name,city\nCafé Ünal 🌿,Reno\n" });
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode("name,city\n"),
      ...[0x43, 0x61, 0x66, 0xe9, 0x2c, 0x52, 0x0a], // "Café,R" in Latin-1
      ...new TextEncoder().encode("ok,ok\n"),
      ...[0xff, 0x0a],
    ]);
    expect(decodeUtf8(latin1)).toEqual({ ok: false, badLines: [2, 4] });
  });
});
