import { plural } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  StatusNotice,
  Table,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { adminMessages } from "../admin.messages.js";

/** /beheer/betrokkenen: export and erasure for one data subject. */
export const SubjectsPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { email: string; problems: FieldProblem[]; erasedCount?: number };
}) => {
  const t = adminMessages[page.lang];
  const emailError = model.problems.find((problem) => problem.field === "email")?.message;
  const confirmError = model.problems.find((problem) => problem.field === "confirm")?.message;
  return (
    <Layout page={page} title={t.subjectsTitle} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.back}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.subjectsTitle}</Heading>
      <StatusNotice
        text={model.erasedCount !== undefined ? plural(page.lang, model.erasedCount, t.erased) : undefined}
      />
      <Paragraph>{t.subjectsIntro}</Paragraph>
      <form method="post" action="/beheer/betrokkenen/export" class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField id="email" label={t.email} error={emailError}>
          <TextInput
            id="email"
            name="email"
            type="email"
            value={model.email}
            invalid={Boolean(emailError)}
            describedBy={describedBy("email", false, Boolean(emailError))}
          />
        </FormField>
        <Button>{t.exportButton}</Button>
      </form>
      <section aria-labelledby="wissen" class="cl-section">
        <Heading level={2} id="wissen">
          {t.eraseHeading}
        </Heading>
        <Paragraph>{t.eraseIntro}</Paragraph>
        <form method="post" action="/beheer/betrokkenen/wissen" class="cl-form-stack" novalidate>
          <CsrfField token={page.csrfToken} />
          <FormField id="erase-email" label={t.email}>
            <TextInput id="erase-email" name="email" type="email" value={model.email} />
          </FormField>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            {confirmError ? (
              <div class="utrecht-form-field-error-message" id="confirm-error">
                {confirmError}
              </div>
            ) : null}
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="confirm"
              name="confirm"
              value="ja"
              aria-describedby={confirmError ? "confirm-error" : undefined}
            />{" "}
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="confirm">
              {t.eraseConfirm}
            </label>
          </div>
          <Button secondary>{t.eraseButton}</Button>
        </form>
      </section>
    </Layout>
  );
};

export type AuditRow = {
  when: string;
  who: string;
  action: string;
  subject: string;
  outcome: "allowed" | "denied";
  from: string;
};

/** /beheer/audit: the newest audit entries. */
export const AuditPage = ({ page, model }: { page: PageContext; model: { rows: AuditRow[] } }) => {
  const t = adminMessages[page.lang];
  return (
    <Layout page={page} title={t.auditTitle} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.back}</Link>
      </Paragraph>
      <Heading level={1}>{t.auditTitle}</Heading>
      <Paragraph>{t.auditIntro}</Paragraph>
      <Table
        caption={t.auditTitle}
        captionRepeatsHeading
        headers={[t.colWhen, t.colWho, t.colAction, t.colSubject, t.colOutcome, t.colFrom]}
      >
        {model.rows.map((row) => (
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell">{row.when}</td>
            <td class="utrecht-table__cell">{row.who}</td>
            <td class="utrecht-table__cell">{row.action}</td>
            <td class="utrecht-table__cell">{row.subject}</td>
            <td class="utrecht-table__cell">{row.outcome === "allowed" ? t.allowed : t.denied}</td>
            <td class="utrecht-table__cell">{row.from}</td>
          </tr>
        ))}
      </Table>
    </Layout>
  );
};
