import { format } from "../../../i18n/index.js";
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
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { authMessages } from "../auth.messages.js";

const problemFor = (problems: FieldProblem[], field: string) =>
  problems.find((problem) => problem.field === field)?.message;

export type LoginPageModel = {
  email: string;
  back: string;
  problems: FieldProblem[];
  notice?: string;
  demo: boolean;
};

/** /inloggen: e-mail and password. */
export const LoginPage = ({ page, model }: { page: PageContext; model: LoginPageModel }) => {
  const t = authMessages[page.lang];
  const emailError = problemFor(model.problems, "email");
  const passwordError = problemFor(model.problems, "password");
  return (
    <Layout page={page} title={t.loginTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.loginTitle}</Heading>
      <StatusNotice text={model.notice} />
      <Paragraph>{t.loginIntro}</Paragraph>
      {model.demo ? <Paragraph small>{t.demoHint}</Paragraph> : null}
      <form method="post" action="/inloggen" class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="terug" value={model.back} />
        <FormField id="email" label={t.email} error={emailError}>
          <TextInput
            id="email"
            name="email"
            type="email"
            value={model.email}
            autocomplete="username"
            invalid={Boolean(emailError)}
            describedBy={describedBy("email", false, Boolean(emailError))}
          />
        </FormField>
        <FormField id="password" label={t.password} error={passwordError}>
          <TextInput
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            invalid={Boolean(passwordError)}
            describedBy={describedBy("password", false, Boolean(passwordError))}
          />
        </FormField>
        <Button>{t.loginButton}</Button>
      </form>
      <div class="cl-section">
        <Paragraph>
          <Link href="/wachtwoord-vergeten">{t.forgotLink}</Link>
        </Paragraph>
      </div>
    </Layout>
  );
};

/** /wachtwoord-vergeten: asks for the e-mail address; the answer never reveals whether it is known. */
export const ForgotPasswordPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { email: string; sent: boolean; problems: FieldProblem[] };
}) => {
  const t = authMessages[page.lang];
  const emailError = problemFor(model.problems, "email");
  return (
    <Layout page={page} title={t.forgotTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.forgotTitle}</Heading>
      {model.sent ? (
        <StatusNotice text={t.forgotSent} />
      ) : (
        <>
          <Paragraph>{t.forgotIntro}</Paragraph>
          <form method="post" action="/wachtwoord-vergeten" class="cl-form-stack" novalidate>
            <CsrfField token={page.csrfToken} />
            <FormField id="email" label={t.email} error={emailError}>
              <TextInput
                id="email"
                name="email"
                type="email"
                value={model.email}
                autocomplete="email"
                invalid={Boolean(emailError)}
                describedBy={describedBy("email", false, Boolean(emailError))}
              />
            </FormField>
            <Button>{t.forgotButton}</Button>
          </form>
        </>
      )}
    </Layout>
  );
};

/** /wachtwoord-herstellen?token=…: choose a new password. */
export const ResetPasswordPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { token: string; valid: boolean; problems: FieldProblem[] };
}) => {
  const t = authMessages[page.lang];
  const passwordError = problemFor(model.problems, "password");
  return (
    <Layout page={page} title={t.resetTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.resetTitle}</Heading>
      {model.valid ? (
        <>
          <Paragraph>{t.resetIntro}</Paragraph>
          <form method="post" action="/wachtwoord-herstellen" class="cl-form-stack" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="token" value={model.token} />
            <FormField id="password" label={t.newPassword} error={passwordError}>
              <TextInput
                id="password"
                name="password"
                type="password"
                autocomplete="new-password"
                invalid={Boolean(passwordError)}
                describedBy={describedBy("password", false, Boolean(passwordError))}
              />
            </FormField>
            <Button>{t.resetButton}</Button>
          </form>
        </>
      ) : (
        <>
          <Paragraph>{t.resetInvalid}</Paragraph>
          <Paragraph>
            <Link href="/wachtwoord-vergeten">{t.forgotLink}</Link>
          </Paragraph>
        </>
      )}
    </Layout>
  );
};

export type InvitationPageModel = {
  token: string;
  email: string;
  roleLabel: string;
  organisationName: string;
  problems: FieldProblem[];
};

/** /uitnodiging/{token}: the invitee chooses a password and so makes their account. */
export const InvitationPage = ({ page, model }: { page: PageContext; model: InvitationPageModel }) => {
  const t = authMessages[page.lang];
  const passwordError = problemFor(model.problems, "password");
  return (
    <Layout page={page} title={t.inviteTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.inviteTitle}</Heading>
      <Paragraph>
        {format(t.inviteIntro, { role: model.roleLabel, organisation: model.organisationName })}
      </Paragraph>
      <form method="post" action={`/uitnodiging/${model.token}`} class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField id="email" label={t.inviteEmail}>
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
            id="email"
            name="email"
            type="email"
            value={model.email}
            autocomplete="username"
            readonly
          />
        </FormField>
        <FormField id="password" label={t.newPassword} hint={t.resetIntro} error={passwordError}>
          <TextInput
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            invalid={Boolean(passwordError)}
            describedBy={describedBy("password", true, Boolean(passwordError))}
          />
        </FormField>
        <Button>{t.inviteButton}</Button>
      </form>
    </Layout>
  );
};

/** /uitnodiging/{token} that no longer works (404 unknown, 410 used, expired or withdrawn): what to do now. */
export const InvitationGonePage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { reason: "unknown" | "used" | "expired" | "withdrawn" | "emailHasAccount" };
}) => {
  const t = authMessages[page.lang];
  const title = model.reason === "unknown" ? t.inviteUnknownTitle : t.inviteGoneTitle;
  const text = {
    unknown: t.inviteUnknown,
    used: t.inviteUsed,
    expired: t.inviteExpired,
    withdrawn: t.inviteWithdrawn,
    emailHasAccount: t.inviteHasAccount,
  }[model.reason];
  return (
    <Layout page={page} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <Link href="/inloggen">{t.loginLink}</Link>
      </Paragraph>
    </Layout>
  );
};
