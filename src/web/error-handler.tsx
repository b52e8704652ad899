import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "../db/availability.js";
import type { AppContext } from "./context.js";
import { AppError, databaseUnavailable, type FieldProblem } from "./errors.js";
import { ErrorPage, type ErrorPageKind } from "./pages/error-page.js";
import { problemResponse } from "./problem.js";
import { pageContext, renderPage } from "./render.js";

const PAGE_KIND: Record<number, ErrorPageKind> = {
  400: "badRequest",
  413: "tooLarge",
  415: "badRequest",
  403: "forbidden",
  404: "notFound",
  429: "tooMany",
  503: "unavailable",
};
const internalError = () => new AppError("internal", 503, "An unexpected error occurred.");

/** Turns any error into the right page or problem+json; unknown errors are logged and shown without details. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const context = c as AppContext;
    if (error instanceof AppError) return respond(context, error, error.status);
    if (isDatabaseUnavailable(error)) return respond(context, databaseUnavailable(), 503);
    // A text the database cannot store (a null byte in a JSON string): the client's input, so 400, not 500. Forms
    // and queries never get this far (input-limits middleware); this closes the class for JSON bodies too.
    if (isUnstorableText(error))
      return respond(
        context,
        new AppError("invalid-characters", 400, "The request contains characters that cannot be stored."),
        400,
      );
    // Hono's own HTTP errors (a body it cannot parse, a method it does not allow) keep their 4xx status: the
    // client's mistake, not ours, and not worth an error log line.
    if (error instanceof HTTPException && error.status < 500)
      return respond(context, fromHono(error), error.status);
    (context.get("logger") ?? logger).error(
      { err: error, requestId: context.get("requestId") },
      "unhandled error",
    );
    return respond(context, internalError(), 500);
  };
}

/** SQLSTATE 22P05 (untranslatable character, PostgreSQL's answer to \u0000 in text) and 22021, on the error or its cause. */
const UNSTORABLE_TEXT = new Set(["22P05", "22021"]);
function isUnstorableText(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && UNSTORABLE_TEXT.has(code)) || isUnstorableText(error.cause, depth + 1);
}

const HONO_ERROR_IDS: Record<number, string> = {
  400: "invalid-input",
  413: "payload-too-large",
  415: "unsupported-media-type",
};
const fromHono = (error: HTTPException) =>
  new AppError(
    HONO_ERROR_IDS[error.status] ?? "client-error",
    error.status as AppError["status"],
    error.message || "The request could not be read.",
  );

/** The 404 for any path no module answers. */
export function notFoundHandler(c: Context) {
  return respond(c as AppContext, new AppError("not-found", 404, "There is nothing at this address."), 404);
}

function respond(c: AppContext, error: AppError, status: number) {
  const requestId = c.get("requestId") ?? "unknown";
  if (c.req.path.startsWith("/api/")) return problemResponse(c, error, requestId, status);
  if (typeof error.details.retryAfter === "number") c.header("Retry-After", String(error.details.retryAfter));
  c.header("Cache-Control", "no-store");
  const kind: ErrorPageKind =
    status === 500
      ? "serverError"
      : error.id === "csrf-rejected"
        ? "csrf"
        : (PAGE_KIND[status] ?? "serverError");
  const page = (
    <ErrorPage
      page={pageContext(c)}
      kind={kind}
      reference={status >= 500 ? requestId : undefined}
      problems={
        Array.isArray(error.details.problems) ? (error.details.problems as FieldProblem[]) : undefined
      }
    />
  );
  return renderPage(c, page, status as 500);
}
