import { format, formatDate } from "../../../i18n/index.js";
import { Heading, Link, ListItem, Paragraph, StatusNotice, UnorderedList } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { loopMessages } from "../barriers.loop.messages.js";
import { barriersMessages } from "../barriers.messages.js";
import type { BarrierTheme } from "../barriers.service.js";

export type WorkspaceForwarding = {
  id: number;
  reference: string;
  theme: BarrierTheme;
  dueAt: Date;
  answeredAt: Date | null;
};

/**
 * /werkruimte/belemmeringen: the reports a coordinator forwarded to the user's organisation (ADR 0096); an open one
 * links to its answer form, an answered one says when.
 */
export const WorkspaceBarriersPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { forwardings: WorkspaceForwarding[]; notice?: string };
}) => {
  const t = loopMessages[page.lang];
  const b = barriersMessages[page.lang];
  return (
    <Layout page={page} title={t.workspaceTitle} current="workspace">
      <Heading level={1}>{t.workspaceTitle}</Heading>
      <StatusNotice text={model.notice} />
      <Paragraph>{t.workspaceIntro}</Paragraph>
      {model.forwardings.length ? (
        <UnorderedList>
          {model.forwardings.map((forwarding) => {
            const label = `${forwarding.reference}: ${b.themes[forwarding.theme]}`;
            return (
              <ListItem>
                {forwarding.answeredAt ? (
                  label
                ) : (
                  <Link href={`/werkruimte/belemmeringen/${forwarding.id}`}>{label}</Link>
                )}
                {`, ${
                  forwarding.answeredAt
                    ? format(t.workspaceAnswered, { date: formatDate(forwarding.answeredAt, page.lang) })
                    : format(t.workspaceOpen, { date: formatDate(forwarding.dueAt, page.lang) })
                }`}
              </ListItem>
            );
          })}
        </UnorderedList>
      ) : (
        <Paragraph>{t.workspaceNone}</Paragraph>
      )}
    </Layout>
  );
};
