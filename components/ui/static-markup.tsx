import { Fragment, isValidElement, type ReactNode } from "react";

/**
 * Issue 23: server components drawn once as an HTML string, for a part of a page that is the same for every
 * request of one version of the data (components/ui/cached-markup.tsx keeps the string). React cannot render to a
 * string inside the server components' layer (react-dom/server refuses to load there), so this draws the small
 * subset those parts use, exactly as `renderToStaticMarkup` writes it (tests/unit/static-markup.test.ts compares
 * the two): host elements, fragments, text, and function components, synchronous or asynchronous. Anything else —
 * a client component, context, Suspense, a form control whose value React manages, an element React would hoist
 * into the head, an event handler, a style object, an attribute it does not know — throws `NotStaticError`, and
 * the caller renders the part with React as usual.
 */
export class NotStaticError extends Error {}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements React hoists (or, for an image, preloads from the head), or whose contents or value it manages: not drawn here. */
const REFUSED = new Set(["img", "html", "head", "body", "script", "style", "link", "meta", "select", "option", "textarea", "noscript", "template", "iframe", "object"]);
const BOOLEAN = new Set(["allowFullScreen", "async", "autoFocus", "autoPlay", "checked", "controls", "default", "defer", "disabled", "formNoValidate", "hidden", "inert", "loop", "multiple", "muted", "noModule", "noValidate", "open", "playsInline", "readOnly", "required", "reversed", "selected"]);
/** React's names for these props. */
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for", tabIndex: "tabindex", httpEquiv: "http-equiv", acceptCharset: "accept-charset" };
/** Written as React writes them: camelCase kept. */
const CAMEL_KEPT = new Set(["viewBox", "preserveAspectRatio", "colSpan", "rowSpan", "dateTime", "maxLength", "minLength", "autoComplete", "encType", "spellCheck", "crossOrigin", "referrerPolicy", "inputMode", "enterKeyHint", "gradientUnits", "gradientTransform", "noValidate", "readOnly", "formNoValidate", "allowFullScreen", "autoFocus", "autoPlay", "playsInline", "noModule"]);
/** SVG presentation props React writes in kebab case. */
const SVG_KEBAB = new Set(["textAnchor", "dominantBaseline", "alignmentBaseline", "strokeWidth", "strokeOpacity", "strokeDasharray", "strokeLinecap", "strokeLinejoin", "fillOpacity", "fillRule", "clipPath", "clipRule", "fontSize", "fontWeight", "fontFamily", "stopColor", "stopOpacity", "shapeRendering", "textDecoration", "letterSpacing", "wordSpacing", "pointerEvents", "vectorEffect"]);
const PLAIN_NAME = /^[a-z][a-z0-9]*$/;
const DASHED_NAME = /^(aria|data)-[a-zA-Z0-9_.-]+$/;
const CLIENT_REFERENCE = Symbol.for("react.client.reference");

/** React's escaping of text and attribute values (escapeTextForBrowser). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#x27;"));
}

function attributeName(prop: string): string {
  if (prop in RENAMED) return RENAMED[prop]!;
  if (SVG_KEBAB.has(prop)) return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  if (CAMEL_KEPT.has(prop) || PLAIN_NAME.test(prop) || DASHED_NAME.test(prop)) return prop;
  throw new NotStaticError(`attribute ${prop}`);
}

/** A style object as React writes it (`border-top-color:#26374a;…`); string values only (numbers take units). */
function styleAttribute(style: unknown): string {
  if (typeof style !== "object" || style === null) throw new NotStaticError("style");
  const parts: string[] = [];
  for (const [name, value] of Object.entries(style as Record<string, unknown>)) {
    if (value === null || value === undefined || typeof value === "boolean" || value === "") continue;
    if (typeof value !== "string") throw new NotStaticError(`style ${name} of type ${typeof value}`);
    const css = name.startsWith("--") ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^ms-/, "-ms-");
    parts.push(`${escapeHtml(css)}:${escapeHtml(value.trim())}`);
  }
  return parts.length === 0 ? "" : ` style="${parts.join(";")}"`;
}

function attributes(tag: string, props: Record<string, unknown>): { text: string; inner: string | null } {
  let text = "";
  let inner: string | null = null;
  for (const [prop, value] of Object.entries(props)) {
    if (prop === "children" || prop === "suppressHydrationWarning") continue;
    if (prop === "dangerouslySetInnerHTML") {
      const html = (value as { __html?: unknown } | null)?.__html;
      if (typeof html !== "string") throw new NotStaticError("dangerouslySetInnerHTML");
      inner = html;
      continue;
    }
    if (prop === "style" && value !== null && value !== undefined) {
      text += styleAttribute(value);
      continue;
    }
    if (/^on[A-Z]/.test(prop) || prop === "ref" || prop === "style" || prop === "defaultValue" || prop === "defaultChecked" || prop === "value" || prop === "action" || prop === "formAction") {
      if (value === undefined || value === null) continue;
      throw new NotStaticError(`${tag} ${prop}`);
    }
    if (value === undefined || value === null) continue;
    const name = attributeName(prop);
    if (BOOLEAN.has(prop)) {
      if (value === true) text += ` ${name}=""`;
      else if (value !== false) throw new NotStaticError(`${prop}=${String(value)}`);
      continue;
    }
    if (typeof value === "boolean") {
      // download="" (true) or download="name.csv".
      if (prop === "download") {
        if (value) text += ` download=""`;
        continue;
      }
      if (!DASHED_NAME.test(prop)) throw new NotStaticError(`boolean ${prop}`);
      text += ` ${name}="${value}"`;
      continue;
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
      // React leaves out an empty href or src (it would load the page itself).
      if (value === "" && (prop === "href" || prop === "src")) throw new NotStaticError(`empty ${prop}`);
      text += ` ${name}="${escapeHtml(String(value))}"`;
      continue;
    }
    throw new NotStaticError(`${prop} of type ${typeof value}`);
  }
  return { text, inner };
}

async function draw(node: ReactNode | Promise<ReactNode>, inSvg: boolean): Promise<string> {
  const value = await node;
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) {
    let out = "";
    for (const child of value) out += await draw(child as ReactNode, inSvg);
    return out;
  }
  if (!isValidElement(value)) throw new NotStaticError(`node of type ${typeof value}`);
  const { type } = value;
  const props = (value.props ?? {}) as Record<string, unknown>;
  if (type === Fragment) return draw(props.children as ReactNode, inSvg);
  if (typeof type === "function") {
    const component = type as ((props: unknown) => ReactNode | Promise<ReactNode>) & { $$typeof?: symbol; prototype?: { isReactComponent?: unknown } };
    if (component.$$typeof === CLIENT_REFERENCE || component.prototype?.isReactComponent) throw new NotStaticError(`component ${component.name}`);
    return draw(component(props), inSvg);
  }
  if (typeof type !== "string") throw new NotStaticError("element of an unsupported type");
  // A title outside an SVG is hoisted into the head by React.
  if (REFUSED.has(type) || (type === "title" && !inSvg)) throw new NotStaticError(`element ${type}`);
  const { text, inner } = attributes(type, props);
  if (VOID.has(type)) {
    if (inner !== null || (props.children !== undefined && props.children !== null)) throw new NotStaticError(`children of ${type}`);
    return `<${type}${text}/>`;
  }
  const body = inner ?? (await draw(props.children as ReactNode, inSvg || type === "svg"));
  return `<${type}${text}>${body}</${type}>`;
}

/** The HTML of a tree of server components, or `NotStaticError` when it holds something this does not draw. */
export function renderStaticMarkup(node: ReactNode): Promise<string> {
  return draw(node, false);
}
