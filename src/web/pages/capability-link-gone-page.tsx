import { Heading, Paragraph } from "../components.js";
import type { PageContext } from "../context.js";
import { Layout } from "../layout.js";

/** Why a single-purpose link (the token is the capability) no longer opens what it was made for. */
export type CapabilityLinkGoneReason = "unknown" | "closed" | "expired";

/** A title and a sentence per reason, from the module's own messages. */
export type CapabilityLinkGoneTexts<R extends string = CapabilityLinkGoneReason> = Record<
  R,
  { title: string; body: string }
>;

/**
 * The usual texts of a link that does not work: an unknown or tampered link (404) has a title of its own, a used or
 * expired one (410) shares the "no longer works" title with a sentence for each.
 */
export const linkGoneTexts = (messages: {
  unknownTitle: string;
  unknownBody: string;
  goneTitle: string;
  goneClosed: string;
  goneExpired: string;
}): CapabilityLinkGoneTexts => ({
  unknown: { title: messages.unknownTitle, body: messages.unknownBody },
  closed: { title: messages.goneTitle, body: messages.goneClosed },
  expired: { title: messages.goneTitle, body: messages.goneExpired },
});

/**
 * The plain page for a capability link (an answer link, a referral link, an alert's confirmation or unsubscribe link)
 * that does not work: a heading and one sentence, never indexed. The route answers it with 404 or 410.
 */
export const CapabilityLinkGonePage = <R extends string>({
  page,
  reason,
  texts,
}: {
  page: PageContext;
  reason: R;
  texts: CapabilityLinkGoneTexts<R>;
}) => {
  const { title, body } = texts[reason];
  return (
    <Layout page={page} title={title} noindex>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{body}</Paragraph>
    </Layout>
  );
};
