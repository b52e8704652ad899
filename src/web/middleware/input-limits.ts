import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context.js";
import { AppError, type FieldProblem, invalidInput } from "../errors.js";

/**
 * Body limits per route family (ADR 0075), checked before anything reads the body: a declared Content-Length above
 * the limit is answered 413 at once; a body without one is counted while it streams in and cut off at the limit.
 * The first matching prefix wins.
 */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  { prefix: "/api/v1/admin/import", bytes: 20 * 1024 * 1024 }, // the catalogue import: a whole catalogue file
  { prefix: "/api/", bytes: 256 * 1024 }, // JSON API requests
  { prefix: "/", bytes: 64 * 1024 }, // forms: the longest (intake question, barrier report) is a few KB
];

export const payloadTooLarge = (bytes: number) =>
  new AppError("payload-too-large", 413, `The request body is larger than ${Math.round(bytes / 1024)} KB.`, {
    limitBytes: bytes,
  });

/** One hono bodyLimit per family, answering with the app's 413 (problem+json on the API, an error page elsewhere). */
export function bodyLimits(limits = BODY_LIMITS) {
  const guards = limits.map(({ prefix, bytes }) => ({
    prefix,
    guard: bodyLimit({
      maxSize: bytes,
      onError: () => {
        throw payloadTooLarge(bytes);
      },
    }),
  }));
  return createMiddleware<AppEnv>(async (c, next) => {
    // A GET or HEAD request carries no body (fetch's Request refuses one): nothing to count.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const found = guards.find(({ prefix }) => c.req.path.startsWith(prefix));
    return found ? found.guard(c, next) : next();
  });
}

/** C0 control characters and DEL. Tab, CR and LF are allowed in form fields (a textarea has lines). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL_IN_FORM = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL_IN_QUERY = /[\u0000-\u001F\u007F]/;
/**
 * A query string can only decode to a control character through one of these: a raw one, or %00–%1F / %7F. Most
 * requests have none, and then the parameters need not be parsed at all.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const MAYBE_CONTROL_IN_QUERY = /[\u0000-\u001F\u007F]|%[01][0-9a-f]|%7f/i;
const strip = (pattern: RegExp, value: string) => value.replace(new RegExp(pattern.source, "g"), "");
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

const API_TEXT = "contains control characters, which are not allowed";
const problemsText = {
  nl: "Dit veld bevat onzichtbare stuurtekens die niet zijn toegestaan. Wij hebben ze weggehaald: kijk de tekst na en verstuur opnieuw.",
  en: "This field contains invisible control characters that are not allowed. We have removed them: check the text and send it again.",
} as const;

/**
 * Control characters in any query parameter or form field are refused with 400 before a route sees them (ADR 0075):
 * a null byte would otherwise reach PostgreSQL and fail the query. Form fields are cleaned in the parsed body that
 * every later `parseBody` reads (hono keeps one FormData per request), so even a route that ignores the problem
 * never stores them. Forms listed in `formsWithOwnSummary` then show the problem in their own error summary with the
 * input kept (they call `inputProblems(c)`); any other form and any query gets the 400 at once: problem+json on the
 * API, an error page with the fields named elsewhere.
 */
export function controlCharacters(options: {
  formsWithOwnSummary: readonly string[];
  /**
   * Parameters that have a strict check of their own and are never stored, so a hostile value falls back to a safe
   * default instead of a 400: `terug`, the return path (ADR 0073), a hidden field nobody types.
   */
  ownCheck?: readonly string[];
}) {
  const ownSummary = new Set(options.formsWithOwnSummary);
  const ownCheck = new Set(options.ownCheck ?? []);
  return createMiddleware<AppEnv>(async (c, next) => {
    const message = c.req.path.startsWith("/api/") ? API_TEXT : problemsText[c.get("lang") ?? "nl"];
    const queryProblems: FieldProblem[] = [];
    const url = c.req.url;
    const queryStart = url.indexOf("?");
    const maybe = queryStart >= 0 && MAYBE_CONTROL_IN_QUERY.test(url.slice(queryStart));
    if (maybe)
      for (const [name, values] of Object.entries(c.req.queries()))
        if (
          !ownCheck.has(name) &&
          (CONTROL_IN_QUERY.test(name) || values.some((value) => CONTROL_IN_QUERY.test(value)))
        )
          queryProblems.push({ field: strip(CONTROL_IN_QUERY, name), message });
    if (queryProblems.length) throw controlCharacterError(queryProblems);

    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && FORM_TYPES.includes(type)) {
      let form: FormData;
      try {
        await c.req.parseBody();
        form = (await c.req.bodyCache.formData) as FormData;
      } catch {
        throw invalidInput([{ field: "body", message: "The form could not be read." }]);
      }
      const problems = cleanForm(form, message, ownCheck);
      if (problems.length) {
        if (!ownSummary.has(c.req.path)) throw controlCharacterError(problems);
        c.set("inputProblems", problems);
      }
    }
    await next();
  });
}

/** Removes control characters from every text field of the request's form, in place; names the fields it changed. */
function cleanForm(form: FormData, message: string, ownCheck: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const name of new Set(form.keys())) {
    if (ownCheck.has(name)) continue;
    const values = form.getAll(name);
    const dirty =
      CONTROL_IN_FORM.test(name) ||
      values.some((value) => typeof value === "string" && CONTROL_IN_FORM.test(value));
    if (!dirty) continue;
    const clean = strip(CONTROL_IN_FORM, name);
    problems.push({ field: clean, message });
    form.delete(name);
    for (const value of values)
      form.append(clean, typeof value === "string" ? strip(CONTROL_IN_FORM, value) : value);
  }
  return problems;
}

const controlCharacterError = (problems: FieldProblem[]) =>
  new AppError(
    "invalid-characters",
    400,
    problems.map((problem) => `${problem.field}: contains control characters`).join("; "),
    { problems },
  );

/** The control-character problems the middleware found in this form (forms that show them in their own summary). */
export const inputProblems = (c: AppContext): FieldProblem[] => c.get("inputProblems") ?? [];
