import type { Context } from "hono";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "../db/availability.js";
import type { AppContext } from "./context.js";
import { AppError, databaseUnavailable } from "./errors.js";
import { ErrorPage, type ErrorPageKind } from "./pages/error-page.js";
import { problemResponse } from "./problem.js";
import { pageContext, renderPage } from "./render.js";

const PAGE_KIND: Record<number, ErrorPageKind> = {
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
    (context.get("logger") ?? logger).error(
      { err: error, requestId: context.get("requestId") },
      "unhandled error",
    );
    return respond(context, internalError(), 500);
  };
}

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
    <ErrorPage page={pageContext(c)} kind={kind} reference={status >= 500 ? requestId : undefined} />
  );
  return renderPage(c, page, status as 500);
}
