import type { ReactNode } from "react";

/**
 * Server-rendered blocks that React does not hydrate (`<Static>`, components/static.tsx): renders a
 * block to HTML on the server for `dangerouslySetInnerHTML`, so the browser's React takes the element's
 * content as it is instead of building, checking and keeping a fiber for each of its elements, and reads
 * one string from the page data instead of a tree of them. See docs/ARCHITECTURE.md, "Blocks React does
 * not hydrate".
 *
 * Why not react-dom/server's renderToStaticMarkup: Next.js refuses it in server components. This renders
 * the part of React's markup such blocks use — host elements, fragments, arrays, text and numbers, and
 * function components without hooks, such as `Link` — with React's escaping and attribute names, and
 * throws on anything else (event handlers, client components, hooks, form state), so a block that cannot
 * be static fails its render instead of losing behaviour. renderToStaticMarkup is the oracle:
 * lib/static-html.test.ts, and test/static-blocks.int.test.ts for the pages' own blocks.
 */
export function staticHtml(node: ReactNode): { __html: string } {
  return { __html: render(node, false) };
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
/** React's escaping, for text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const VOID = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
]); // prettier-ignore

/** Attributes React writes as `name=""` when true and leaves out when false. */
const BOOLEAN = new Set([
  "allowfullscreen", "async", "autofocus", "autoplay", "controls", "default", "defer", "disabled",
  "formnovalidate", "hidden", "inert", "itemscope", "loop", "multiple", "muted", "nomodule", "novalidate",
  "open", "playsinline", "readonly", "required", "reversed", "selected", "checked",
]); // prettier-ignore

/** Attributes React writes as "true"/"false" from a boolean. */
const BOOLEANISH = new Set(["contenteditable", "draggable", "spellcheck", "autoreverse", "externalresourcesrequired", "focusable", "preservealpha"]); // prettier-ignore

/** Attributes React writes under another name in HTML and SVG alike. */
const RENAMED_ANYWHERE: Record<string, string> = { className: "class", tabIndex: "tabindex" };
/** HTML attributes React writes under another name; it writes all others as named (colSpan, dateTime). */
const HTML_NAMES: Record<string, string> = {
  ...RENAMED_ANYWHERE,
  htmlFor: "for",
  acceptCharset: "accept-charset",
  httpEquiv: "http-equiv",
  autoFocus: "autofocus",
  crossOrigin: "crossorigin",
};

/** SVG presentation attributes React writes hyphenated (strokeWidth → stroke-width); others keep their case. */
const SVG_HYPHENATED = new Set([
  "alignmentBaseline", "baselineShift", "clipPath", "clipRule", "colorInterpolation",
  "colorInterpolationFilters", "dominantBaseline", "enableBackground", "fillOpacity", "fillRule",
  "floodColor", "floodOpacity", "fontFamily", "fontSize", "fontSizeAdjust", "fontStretch", "fontStyle",
  "fontVariant", "fontWeight", "imageRendering", "letterSpacing", "lightingColor", "markerEnd",
  "markerMid", "markerStart", "paintOrder", "pointerEvents", "shapeRendering", "stopColor", "stopOpacity",
  "strokeDasharray", "strokeDashoffset", "strokeLinecap", "strokeLinejoin", "strokeMiterlimit",
  "strokeOpacity", "strokeWidth", "textAnchor", "textDecoration", "textRendering", "transformOrigin",
  "unicodeBidi", "vectorEffect", "wordSpacing", "writingMode",
]); // prettier-ignore
const SVG_NAMES: Record<string, string> = {
  ...RENAMED_ANYWHERE,
  xlinkHref: "xlink:href",
  xmlLang: "xml:lang",
  xmlSpace: "xml:space",
};

/** CSS properties React writes without "px" after a number. */
const UNITLESS = new Set([
  "flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity", "order", "zIndex", "zoom",
  "fillOpacity", "strokeOpacity", "stopOpacity", "floodOpacity", "strokeWidth", "gridRow", "gridColumn",
]); // prettier-ignore

/** Elements whose text React does not escape, and elements React 19 moves into <head> (outside SVG). */
const RAW_TEXT = new Set(["script", "style", "textarea"]);
const HOISTED = new Set(["title", "meta", "link", "base"]);

/** Elements whose value React keeps as state in the browser. */
const FORM_FIELDS = new Set(["input", "select", "option"]);

const FRAGMENT = Symbol.for("react.fragment");
const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");

/** strokeWidth → stroke-width, marginTop → margin-top. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type Element = { $$typeof: symbol; type: unknown; props: Record<string, unknown> };

function render(node: unknown, svg: boolean): string {
  if (node == null || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return escapeHtml(String(node));
  if (Array.isArray(node)) return node.map((n) => render(n, svg)).join("");
  if (typeof node !== "object") throw new Error(`staticHtml: cannot render a ${typeof node}`);
  const el = node as Element;
  if (el.$$typeof !== ELEMENT && el.$$typeof !== LEGACY_ELEMENT) {
    if (Symbol.iterator in el) return Array.from(el as Iterable<unknown>, (n) => render(n, svg)).join("");
    throw new Error("staticHtml: cannot render an object that is not a React element");
  }
  const { type, props } = el;
  if (type === FRAGMENT) return render(props.children, svg);
  if (typeof type === "function") {
    if ((type as { $$typeof?: symbol }).$$typeof === Symbol.for("react.client.reference"))
      throw new Error("staticHtml: a client component cannot be part of a static block");
    const out = (type as (p: unknown) => unknown)(props);
    if (out instanceof Promise)
      throw new Error("staticHtml: an async component cannot be part of a static block");
    return render(out, svg);
  }
  if (typeof type !== "string") throw new Error("staticHtml: only elements, fragments and plain components");
  return element(type, props, svg || type === "svg");
}

function element(tag: string, props: Record<string, unknown>, svg: boolean): string {
  if (RAW_TEXT.has(tag) || (!svg && HOISTED.has(tag)))
    throw new Error(`staticHtml: <${tag}> is rendered differently by React; keep it out of static blocks`);
  let attrs = "";
  let inner: string | undefined;
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "key" || name === "ref" || name === "suppressHydrationWarning")
      continue;
    if (name === "dangerouslySetInnerHTML") {
      inner = (value as { __html: string }).__html;
      continue;
    }
    if (/^on[A-Z]/.test(name) || typeof value === "function")
      throw new Error(
        `staticHtml: <${tag} ${name}> needs React in the browser; a static block cannot have it`,
      );
    if (FORM_FIELDS.has(tag) && /^(default)?(value|checked|Value|Checked)$/.test(name))
      throw new Error(`staticHtml: <${tag} ${name}> is form state; keep forms out of static blocks`);
    if (value == null) continue;
    if (name === "style") {
      const css = style(value as Record<string, unknown>);
      if (css) attrs += ` style="${escapeHtml(css)}"`;
      continue;
    }
    attrs += attribute(name, value, svg);
  }
  if (VOID.has(tag)) return `<${tag}${attrs}/>`;
  return `<${tag}${attrs}>${inner ?? render(props.children, svg)}</${tag}>`;
}

function attribute(name: string, value: unknown, svg: boolean): string {
  const custom = name.startsWith("data-") || name.startsWith("aria-");
  const attr = custom
    ? name
    : svg
      ? (SVG_NAMES[name] ?? (SVG_HYPHENATED.has(name) ? kebab(name) : name))
      : (HTML_NAMES[name] ?? name);
  if (typeof value === "boolean") {
    if (custom || BOOLEANISH.has(attr.toLowerCase())) return ` ${attr}="${value}"`;
    if (BOOLEAN.has(attr.toLowerCase())) return value ? ` ${attr}=""` : "";
    return ""; // React drops a boolean it has no meaning for
  }
  if (BOOLEAN.has(attr.toLowerCase()) && !custom) return value ? ` ${attr}=""` : "";
  if (typeof value === "object") throw new Error(`staticHtml: attribute ${name} is an object`);
  return ` ${attr}="${escapeHtml(String(value))}"`;
}

function style(value: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [prop, v] of Object.entries(value)) {
    if (v == null || typeof v === "boolean" || v === "") continue;
    const name = prop.startsWith("--") ? prop : kebab(prop);
    const text =
      typeof v === "number" && v !== 0 && !UNITLESS.has(prop) && !prop.startsWith("--")
        ? `${v}px`
        : String(v);
    parts.push(`${name}:${text.trim()}`);
  }
  return parts.join(";");
}
