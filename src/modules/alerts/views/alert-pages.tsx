import { format, type Lang } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  Heading,
  ListItem,
  Paragraph,
  UnorderedList,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import type { CapabilityLinkGoneTexts } from "../../../web/pages/capability-link-gone-page.js";
import { alertMessages } from "../alerts.messages.js";
import { AlertSubscribeForm, type SubscribeFormModel } from "./subscribe-form.js";

const Lines = ({ lines }: { lines: readonly string[] }) => (
  <UnorderedList>
    {lines.map((line) => (
      <ListItem>{line}</ListItem>
    ))}
  </UnorderedList>
);

export type SubscribePageModel = {
  /** The criteria in words ("Regeling: …", "Regio: …"). */
  described: string[];
  /** Without criteria the page explains where to sign up from. */
  form?: SubscribeFormModel;
  alreadyOpen: boolean;
  backHref?: string;
};

/** /meldingen/aanmelden: what the alerts are about, which kinds, and the e-mail address. */
export const SubscribePage = ({ page, model }: { page: PageContext; model: SubscribePageModel }) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.subscribeTitle}>
      {/* Above the heading, as elsewhere: under the form it stood within 24 px of the submit button (WCAG 2.5.8). */}
      {model.backHref ? (
        <Paragraph>
          <a class="utrecht-link utrecht-link--html-a" href={model.backHref}>
            {t.back}
          </a>
        </Paragraph>
      ) : null}
      <Heading level={1}>{t.subscribeTitle}</Heading>
      <Paragraph lead>{t.subscribeLead}</Paragraph>
      {model.form ? (
        <>
          <ErrorSummary title={t.errorSummaryTitle} problems={model.form.problems} />
          <section aria-labelledby="waarover" class="cl-section">
            <Heading level={2} id="waarover">
              {t.aboutHeading}
            </Heading>
            <Lines lines={model.described} />
            {model.alreadyOpen ? <Paragraph>{t.alreadyOpen}</Paragraph> : null}
          </section>
          <AlertSubscribeForm lang={page.lang} csrfToken={page.csrfToken} model={model.form} />
        </>
      ) : (
        <Paragraph>{t.errNoCriteria}</Paragraph>
      )}
    </Layout>
  );
};

/** After signing up: look in your mail. */
export const SentPage = ({ page }: { page: PageContext }) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.sentTitle} noindex>
      <Heading level={1}>{t.sentTitle}</Heading>
      <div role="status">
        <Paragraph>{t.sentText}</Paragraph>
      </div>
    </Layout>
  );
};

/** /meldingen/bevestigen/{token}: a button, so a mail scanner that opens the link confirms nothing. */
export const ConfirmPage = ({
  page,
  token,
  described,
}: {
  page: PageContext;
  token: string;
  described: string[];
}) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.confirmTitle} noindex>
      <Heading level={1}>{t.confirmTitle}</Heading>
      <Paragraph>{t.confirmText}</Paragraph>
      <Lines lines={described} />
      <form method="post" action={`/meldingen/bevestigen/${token}${page.lang === "en" ? "?lang=en" : ""}`}>
        <CsrfField token={page.csrfToken} />
        <Button>{t.confirmButton}</Button>
      </form>
    </Layout>
  );
};

export const ConfirmedPage = ({ page, described }: { page: PageContext; described: string[] }) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.confirmedTitle} noindex>
      <Heading level={1}>{t.confirmedTitle}</Heading>
      <div role="status">
        <Paragraph>{t.confirmedText}</Paragraph>
      </div>
      <Lines lines={described} />
    </Layout>
  );
};

/** The texts of a confirmation or unsubscribe link that is unknown, used or expired (CapabilityLinkGonePage). */
export const alertGoneTexts = (
  lang: Lang,
): CapabilityLinkGoneTexts<"unknown" | "expired" | "unsubscribed"> => {
  const t = alertMessages[lang];
  return {
    unknown: { title: t.goneTitle, body: t.goneUnknown },
    expired: { title: t.goneTitle, body: t.goneExpired },
    unsubscribed: { title: t.goneTitle, body: t.unsubscribeUnknown },
  };
};

/** /meldingen/afmelden/{token}: one button; the same address also takes the mail program's one-click POST. */
export const UnsubscribePage = ({
  page,
  token,
  email,
  described,
}: {
  page: PageContext;
  token: string;
  email: string;
  described: string[];
}) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.unsubscribeTitle} noindex>
      <Heading level={1}>{t.unsubscribeTitle}</Heading>
      <Paragraph>{format(t.unsubscribeText, { email })}</Paragraph>
      <Lines lines={described} />
      <form method="post" action={`/meldingen/afmelden/${token}${page.lang === "en" ? "?lang=en" : ""}`}>
        <CsrfField token={page.csrfToken} />
        <Button>{t.unsubscribeButton}</Button>
      </form>
    </Layout>
  );
};

export const UnsubscribedPage = ({ page }: { page: PageContext }) => {
  const t = alertMessages[page.lang];
  return (
    <Layout page={page} title={t.unsubscribedTitle} noindex>
      <Heading level={1}>{t.unsubscribedTitle}</Heading>
      <div role="status">
        <Paragraph>{t.unsubscribedText}</Paragraph>
      </div>
    </Layout>
  );
};
