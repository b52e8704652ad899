import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { siteMessages } from "../site.messages.js";

/**
 * /over-circulair-loket: who runs the service, how it is paid for and how to reach us. Only what is settled is stated;
 * what is not (the organisation, the funding, a contact address) is said plainly, never filled in (issue 17 item 6).
 */
export const AboutPage = ({ page }: { page: PageContext }) => {
  const t = siteMessages[page.lang].about;
  return (
    <Layout page={page} title={t.title}>
      <article class="cl-stack">
        <Heading level={1}>{t.title}</Heading>
        <Paragraph lead>{t.lead}</Paragraph>
        <Heading level={2}>{t.whatHeading}</Heading>
        <Paragraph>{t.what1}</Paragraph>
        <Paragraph>{t.what2}</Paragraph>
        <Paragraph>{t.what3}</Paragraph>
        <Heading level={2}>{t.whoHeading}</Heading>
        <Paragraph>{t.who}</Paragraph>
        <Paragraph>{t.whoHelps}</Paragraph>
        <Heading level={2}>{t.moneyHeading}</Heading>
        <Paragraph>{t.money}</Paragraph>
        <Heading level={2}>{t.dataHeading}</Heading>
        <Paragraph>{t.data}</Paragraph>
        <Paragraph>
          <Link href={page.lang === "en" ? "/api/docs?lang=en" : "/api/docs"}>{t.dataLink}</Link>
        </Paragraph>
        <Heading level={2} id="contact">
          {t.contactHeading}
        </Heading>
        <Paragraph>
          {t.contact1} <Link href="/regio">{t.regionsLink}</Link>
        </Paragraph>
        <Paragraph>
          {t.contact2} <Link href="/belemmering-melden">{t.barrierLink}</Link>
        </Paragraph>
        <Paragraph>{t.contact3}</Paragraph>
      </article>
    </Layout>
  );
};
