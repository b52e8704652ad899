import { ButtonLink, ErrorSummary, Heading, Paragraph } from "../components.js";
import type { PageContext } from "../context.js";
import type { FieldProblem } from "../errors.js";
import { Layout } from "../layout.js";

export type ErrorPageKind =
  | "notFound"
  | "serverError"
  | "unavailable"
  | "forbidden"
  | "csrf"
  | "tooMany"
  | "badRequest"
  | "tooLarge";

/** One page for every error a person can meet, in their language, without technical details. */
export const ErrorPage = ({
  page,
  kind,
  reference,
  problems,
}: {
  page: PageContext;
  kind: ErrorPageKind;
  reference?: string;
  /** The fields that were wrong (a 400 that no form of its own shows). */
  problems?: FieldProblem[];
}) => {
  const e = page.t.errors;
  const texts: Record<ErrorPageKind, [string, string]> = {
    notFound: [e.notFoundTitle, e.notFoundBody],
    serverError: [e.serverErrorTitle, e.serverErrorBody],
    unavailable: [e.unavailableTitle, e.unavailableBody],
    forbidden: [e.forbiddenTitle, e.forbiddenBody],
    csrf: [e.csrfTitle, e.csrfBody],
    tooMany: [e.tooManyTitle, e.tooManyBody],
    badRequest: [e.badRequestTitle, e.badRequestBody],
    tooLarge: [e.tooLargeTitle, e.tooLargeBody],
  };
  const [title, body] = texts[kind];
  return (
    <Layout page={page} title={title}>
      {problems?.length ? <ErrorSummary title={e.errorSummaryTitle} problems={problems} /> : null}
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{body}</Paragraph>
      {kind === "notFound" ? <Paragraph>{e.notFoundHelp}</Paragraph> : null}
      {reference ? (
        <Paragraph>
          {e.serverErrorReference} <span class="cl-code">{reference}</span>
        </Paragraph>
      ) : null}
      <ButtonLink href="/">{e.backHome}</ButtonLink>
    </Layout>
  );
};
