/**
 * Named errors with stable ids. Routes and services throw them; one handler in app.ts turns them into a page or
 * problem+json. Nothing else decides status codes for failures.
 */
export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 503,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type FieldProblem = { field: string; message: string };

export const notFound = (what = "resource") => new AppError("not-found", 404, `The ${what} does not exist.`);
export const forbidden = () => new AppError("forbidden", 403, "You do not have access to this resource.");
export const csrfRejected = () => new AppError("csrf-rejected", 403, "The form token is missing or invalid.");
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError("too-many-requests", 429, "Too many requests.", { retryAfter: retryAfterSeconds });
export const databaseUnavailable = () =>
  new AppError("service-unavailable", 503, "The database is unavailable. Try again shortly.", {
    retryAfter: 10,
  });
/** Invalid input: names every parameter or field that is wrong. */
export const invalidInput = (problems: FieldProblem[]) =>
  new AppError(
    "invalid-input",
    400,
    problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
    {
      problems,
    },
  );
export const conflict = (message: string) => new AppError("edit-conflict", 409, message);
