import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { invalidInput } from "../errors.js";

/**
 * A router for one module's API. Validation failures become a 400 problem+json that names each parameter, through
 * the same named error as every other bad input.
 */
export function createApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalidInput(
          result.error.issues.map((issue) => ({
            field: issue.path.join(".") || "body",
            message: issue.message,
          })),
        );
      }
    },
  });
}

export type ApiRouter = ReturnType<typeof createApiRouter>;

/** RFC 9457 problem details, as documented in the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    request_id: z.string(),
    invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi("Problem");

export const problemResponses = {
  400: { description: "Invalid input", content: { "application/problem+json": { schema: ProblemSchema } } },
  404: { description: "Not found", content: { "application/problem+json": { schema: ProblemSchema } } },
} as const;

/** The HSDS 3.0 paginated list envelope around a list of items. */
export function hsdsPage<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item),
    })
    .openapi(name);
}

/** Builds the envelope from one page of items. */
export function toHsdsPage<T>(contents: T[], totalItems: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Shared query parameters for paging: page ≥ 1, per_page 1–100. */
export const pagingQuery = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .openapi({ description: "Page number, from 1" }),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: "Items per page, at most 100" }),
};
