import { describe, expect, it } from "vitest";
import { parseCsv, toCsvLine } from "./csv";

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
});
