import { createElement as h, Fragment, useState, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, staticHtml } from "./static-html";

/** React's own markup is the oracle: a static block must be exactly what React would have rendered. */
const same = (node: ReactNode) => expect(staticHtml(node).__html).toBe(renderToStaticMarkup(node));

/** Spreads its props, as the site's Link does (components/link.tsx). */
function Anchor({ href, ...props }: { href: string; className?: string; children?: ReactNode }) {
  return h("a", { ...props, href, "data-nav": "" });
}

function Plain({ label, n }: { label: string; n: number }) {
  return h("p", { className: "x" }, label, " · ", n);
}

describe("staticHtml renders what React renders", () => {
  it.each<[string, ReactNode]>([
    ["text that needs escaping", h("p", null, `Tom & Jerry's <b>"quote"</b>`)],
    [
      "numbers, zero, booleans and nulls among children",
      h("p", null, 0, 12.5, null, false, true, undefined, "x"),
    ],
    [
      "arrays and fragments",
      h("ul", null, [h("li", { key: 1 }, "a"), h(Fragment, { key: 2 }, h("li", null, "b"), "c")]),
    ],
    [
      "class, for and lowercased HTML attributes",
      h("label", { className: "a b", htmlFor: "f", tabIndex: -1, autoFocus: true, dateTime: "2026" }, "L"),
    ],
    [
      "table attributes",
      h(
        "table",
        null,
        h("tbody", null, h("tr", null, h("th", { scope: "row", colSpan: 2, rowSpan: 1 }, "h"))),
      ),
    ],
    ["escaped attribute values", h("a", { href: '/x?a=1&b="2"', title: "<it's>" }, "go")],
    [
      "aria and data attributes, booleans as words",
      h("div", { "aria-hidden": true, "aria-expanded": false, "data-x": true, "data-n": 3, role: "img" }),
    ],
    [
      "boolean attributes",
      h("details", { open: true }, h("summary", { hidden: false, readOnly: true, spellCheck: false }, "s")),
    ],
    ["an attribute React has no meaning for a boolean of", h("div", { title: true as unknown as string })],
    ["void elements", h("p", null, "a", h("br"), h("wbr"), h("hr"))],
    [
      "style objects",
      h("span", {
        style: { background: "#fff", width: 12, opacity: 0.5, marginTop: 0, lineHeight: 1.5, "--v": 3 },
      }),
    ],
    [
      "SVG attributes, hyphenated and not",
      h(
        "svg",
        {
          width: "100%",
          height: 40,
          viewBox: "0 0 10 10",
          fontSize: 12,
          fontFamily: "inherit",
          role: "img",
          "aria-labelledby": "t d",
        },
        h("title", { id: "t" }, "T"),
        h("desc", { id: "d" }, "D"),
        h(
          "g",
          null,
          h("line", { x1: 0, x2: 5, y1: 0, y2: 5, stroke: "#000", strokeWidth: 3, strokeDasharray: "4 3" }),
          h("rect", { x: "0", width: "50%", height: 14, fill: "none", fillOpacity: 0.55, rx: 2 }),
          h(
            "text",
            { textAnchor: "middle", dominantBaseline: "central" },
            "a",
            h("tspan", { fill: "#666" }, " · b"),
          ),
          h("use", { href: "/map.svg#tx", xlinkHref: "/map.svg#tx" }),
          h("a", { href: "/costs/dc", tabIndex: -1, className: "group" }, h("use", { href: "#dc" })),
        ),
      ),
    ],
    [
      "function components, nested",
      h("div", null, h(Plain, { label: "x&y", n: 4 }), h(Plain, { label: "z", n: 0 })),
    ],
    ["a component spreading its props", h(Anchor, { href: "/costs?a=1&b=2", className: "u" }, "Costs")],
    ["dangerouslySetInnerHTML inside", h("div", { dangerouslySetInnerHTML: { __html: "<b>raw</b>" } })],
  ])("%s", (_, node) => same(node));

  it("escapes like React", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
  });
});

describe("staticHtml refuses what needs React in the browser", () => {
  it.each<[string, ReactNode, RegExp]>([
    ["an event handler", h("button", { onClick: () => {} }, "x"), /onClick/],
    ["form state", h("input", { defaultValue: "x" }), /form state/],
    // Outside React's render there is no component state: the hook itself throws.
    [
      "a hook",
      h(function UsesHook() {
        const [n] = useState(1);
        return h("p", null, n);
      }),
      /./,
    ],
    ["an async component", h((async () => h("p")) as unknown as () => null), /async/],
    ["a script, whose text React writes raw", h("script", null, "x<y"), /rendered differently/],
    [
      "a title outside SVG, which React moves into <head>",
      h("div", null, h("title", null, "T")),
      /rendered differently/,
    ],
    ["a plain object", { a: 1 } as unknown as ReactNode, /not a React element/],
  ])("%s", (_, node, message) => {
    expect(() => staticHtml(node)).toThrow(message);
  });
});
