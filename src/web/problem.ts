import type { Context } from "hono";
import type { AppError } from "./errors.js";

/** RFC 9457 problem details for the API. Never carries a stack trace or internal message. */
export function problemResponse(
  c: Context,
  error: AppError,
  requestId: string,
  status: number = error.status,
) {
  const problems = (error.details.problems as { field: string; message: string }[] | undefined) ?? [];
  const body = {
    type: `/problems/${error.id}`,
    title: error.message.split(";")[0],
    status,
    detail: error.message,
    instance: new URL(c.req.url).pathname,
    request_id: requestId,
    ...(problems.length
      ? { invalid_params: problems.map((problem) => ({ name: problem.field, reason: problem.message })) }
      : {}),
  };
  if (typeof error.details.retryAfter === "number") c.header("Retry-After", String(error.details.retryAfter));
  c.header("Content-Type", "application/problem+json; charset=utf-8");
  c.header("Cache-Control", "no-store");
  return c.body(JSON.stringify(body), status as 400);
}
