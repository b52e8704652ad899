import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postcss, { type AtRule, type Rule } from "postcss";
import { PurgeCSS } from "purgecss";

const require = createRequire(import.meta.url);

/**
 * NL Design System components we use. Only their rules ship, so a page stays far under the 60 KB (gzip) budget
 * instead of carrying the whole 400 KB component library.
 */
const USED_COMPONENTS = [
  "alert",
  "article",
  "badge-status",
  "blockquote",
  "body",
  "button",
  "button-group",
  "button-link",
  "checkbox",
  "code",
  "column-layout",
  "data-list",
  "document",
  "form-field",
  "form-field-description",
  "form-field-error-message",
  "form-fieldset",
  "form-label",
  "heading-1",
  "heading-2",
  "heading-3",
  "heading-4",
  "link",
  "link-list",
  "mark",
  "nav-bar",
  "nav-list",
  "ordered-list",
  "page",
  "page-body",
  "page-content",
  "page-footer",
  "page-header",
  "page-layout",
  "pagination",
  "paragraph",
  "radio-button",
  "root",
  "select",
  "separator",
  "skip-link",
  "surface",
  "table",
  "textarea",
  "textbox",
  "unordered-list",
];
const componentPattern = new RegExp(`\\.utrecht-(?:${USED_COMPONENTS.join("|")})(?![a-z]|-[a-z])`);

/**
 * Class names that views put together at run time (`utrecht-heading-${level}`, `cl-status--${status}`, …): the source
 * holds only their prefix, so the purge below would drop them. `stylesheet.test.ts` renders pages and fails when a
 * class they use lost its rules, which is how a new dynamic name shows up here.
 */
const DYNAMIC_CLASSES = [
  /^utrecht-heading-\d$/,
  /^utrecht-form-field--/,
  /^utrecht-form-label--/,
  /^cl-status--/,
  /^cl-stars-/,
  /^cl-heat-\d$/,
];

const sourceFolder = fileURLToPath(new URL("../../", import.meta.url));

/** Every view, component and script in `src/` (tests excluded): the text the purge looks for class names in. */
function sourceFiles(): string[] {
  return readdirSync(sourceFolder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(tsx?|js)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(sourceFolder, file));
}

export type Stylesheet = { css: string; fileName: string };

/**
 * Builds the one stylesheet: the NLDS components we use, our brand and layout, then every rule whose classes,
 * elements or attributes appear nowhere in `src/` removed (PurgeCSS), then only the design tokens the rest needs.
 */
export async function buildStylesheet(options: { purge?: boolean } = {}): Promise<Stylesheet> {
  const components = postcss.parse(
    readFileSync(require.resolve("@utrecht/component-library-css/dist/index.css"), "utf8"),
  );
  components.walkRules((rule: Rule) => {
    if (rule.parent?.type === "atrule" && /keyframes/.test((rule.parent as AtRule).name)) return;
    const kept = rule.selectors.filter((selector) => componentPattern.test(selector));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });
  components.walkAtRules((atRule) => {
    if (atRule.nodes && atRule.nodes.length === 0) atRule.remove();
  });
  const brand = readFileSync(new URL("./brand.css", import.meta.url), "utf8");
  const layout = readFileSync(new URL("./app.css", import.meta.url), "utf8");
  const all = [brand, components.toString(), layout].join("\n");
  const used =
    options.purge === false
      ? all
      : (
          await new PurgeCSS().purge({
            content: sourceFiles(),
            css: [{ raw: all }],
            safelist: { standard: DYNAMIC_CLASSES },
            keyframes: true,
            fontFace: true,
          })
        )[0]!.css;
  const tokens = neededTokens(used, brand);
  const css = [
    "/* NL Design System components (EUPL-1.2), example theme tokens (EUPL-1.2) rebranded: see docs/decisions. */",
    `.cl-theme{${tokens}}`,
    used,
  ]
    .join("\n")
    .replace(/\/\*(?!\s*NL Design)[\s\S]*?\*\//g, "")
    .replace(/\n\s*\n/g, "\n");
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return { css, fileName: `app-${hash}.css` };
}

/** The theme declarations the given CSS needs, followed transitively through var() references. */
function neededTokens(css: string, brand: string): string {
  const theme = postcss.parse(
    readFileSync(
      require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
      "utf8",
    ),
  );
  const declarations = new Map<string, string>();
  theme.walkDecls((decl) => {
    if (decl.prop.startsWith("--"))
      declarations.set(decl.prop, decl.value.replace(/--voorbeeld-kleuren-violet-/g, "--cl-kleur-"));
  });
  const brandDefined = new Set([...brand.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]!));
  const needed = new Set<string>();
  const queue = [...css.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]!);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (needed.has(name)) continue;
    needed.add(name);
    const value = declarations.get(name);
    if (value) for (const match of value.matchAll(/var\((--[\w-]+)/g)) queue.push(match[1]!);
  }
  return [...needed]
    .filter((name) => declarations.has(name) && !brandDefined.has(name))
    .map((name) => `${name}:${declarations.get(name)}`)
    .join(";");
}
