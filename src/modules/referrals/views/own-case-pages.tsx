import { format, formatDate } from "../../../i18n/index.js";
import {
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  ListItem,
  Paragraph,
  problemFor,
  StatusNotice,
  Textarea,
  TextInput,
  UnorderedList,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { LoketCard, type LoketCardModel } from "../../regions/index.js";
import { ownCaseMessages } from "../own-case.messages.js";
import type { OwnCase, OwnCaseReferral, OwnCaseStep } from "../own-case.service.js";
import { instrumentOfProvider, oneNameFor, reasonInWords, statusInWords } from "../referrals.mails.js";
import { isTerminal } from "../referrals.state-machine.js";

/** What the entrepreneur's page shows: their case, the loket's card, and the state of its two forms. */
export type OwnCasePageModel = {
  ownCase: OwnCase;
  path: string;
  regionName: string;
  /** The chosen sector in words, null when none was given. */
  sectorName: string | null;
  loket: LoketCardModel;
  notice?: "verstuurd" | "bericht" | "aanvulling";
  form: { field?: "message" | "info"; value: string; problems: FieldProblem[] };
};

type T = (typeof ownCaseMessages)["nl"];

function stepText(t: T, lang: "nl" | "en", model: OwnCase, step: OwnCaseStep): string {
  switch (step.kind) {
    case "intake":
      return format(t.stepIntake, { handler: model.handler });
    case "pickedUp":
      return step.adviser
        ? format(t.stepPickedUp, { adviser: step.adviser, handler: model.handler })
        : format(t.stepPickedUpNoName, { handler: model.handler });
    case "caseStatus":
      return (t as Record<string, string>)[`stepCase_${step.code}`] ?? "";
    case "referralSent":
      return format(t.stepReferralSent, {
        instrumentOfProvider: instrumentOfProvider(lang, step.instrument ?? "", step.provider ?? ""),
      });
    case "referralStatus": {
      const reason = reasonInWords(lang, step.reason);
      // "MIA\Vamil: RVO gaat u helpen.", or only "CIRCO gaat u helpen." when the instrument is named like its provider
      // (words that name no one, such as "Uw adviseur heeft de verwijzing gestopt.", keep the instrument in front).
      const oneName = oneNameFor(step.instrument ?? "", step.provider ?? "");
      const words = statusInWords(lang, step.code, oneName ?? step.provider ?? "");
      const said = oneName && words.includes(oneName) ? words : `${step.instrument}: ${words}`;
      return `${said}${reason ? ` ${format(t.stepReason, { reason })}` : ""}`;
    }
    case "message":
      return t.stepMessage;
    case "info":
      return t.stepInfo;
    default:
      return "";
  }
}

/** What happens next and by when, in one or more sentences. */
function nextSteps(t: T, lang: "nl" | "en", model: OwnCase): string[] {
  if (model.status === "afgesloten") return [t.nextClosed];
  if (model.status === "nieuw")
    return [
      format(model.national ? t.nextNewNational : t.nextNew, {
        handler: model.handler,
        date: formatDate(model.dueAt, lang),
      }),
    ];
  const open = model.referrals.filter((referral) => !isTerminal(referral.status));
  const lines = open.map((referral) => {
    // An instrument named like its provider is said once: the sentence without "met {instrument}".
    const oneName = oneNameFor(referral.instrument, referral.provider);
    const values = {
      provider: oneName ?? referral.provider,
      instrument: referral.instrument,
      date: referral.dueAt ? formatDate(referral.dueAt, lang) : "–",
    };
    const say = (twoNames: string, oneNameText: string) => format(oneName ? oneNameText : twoNames, values);
    if (referral.delivery === "warme_overdracht" && referral.status === "verstuurd")
      return say(t.nextReferralHandover, t.nextReferralHandoverOneName);
    if (referral.status === "actie_ondernemer_nodig")
      return say(t.nextReferralAction, t.nextReferralActionOneName);
    if (referral.status === "geaccepteerd" || referral.status === "in_uitvoering")
      return say(t.nextReferralHelping, t.nextReferralHelpingOneName);
    return say(t.nextReferralWaiting, t.nextReferralWaitingOneName);
  });
  if (model.status === "wachten") lines.unshift(t.nextWaiting);
  if (!open.length)
    lines.push(model.adviser ? format(t.nextAdviser, { adviser: model.adviser }) : t.nextAdviserNoName);
  return lines;
}

const ReferralCard = ({ t, lang, referral }: { t: T; lang: "nl" | "en"; referral: OwnCaseReferral }) => {
  const reason = reasonInWords(lang, referral.reason);
  return (
    <article class="cl-card cl-section" aria-labelledby={`verwijzing-${referral.id}`}>
      <Heading level={3} id={`verwijzing-${referral.id}`}>
        {referral.instrument}
      </Heading>
      <dl class="cl-facts">
        <dt>{t.referralProvider}</dt>
        <dd>{referral.provider}</dd>
        <dt>{t.referralStatus}</dt>
        <dd>{statusInWords(lang, referral.status, referral.provider, referral.delivery)}</dd>
        {reason ? (
          <>
            <dt>{t.referralReason}</dt>
            <dd>{reason}</dd>
          </>
        ) : null}
        {referral.outcome ? (
          <>
            <dt>{t.referralOutcome}</dt>
            <dd>{t[`outcome_${referral.outcome}`]}</dd>
          </>
        ) : null}
        <dt>{t.referralSentAt}</dt>
        <dd>{formatDate(referral.sentAt, lang)}</dd>
        {referral.dueAt && !isTerminal(referral.status) ? (
          <>
            <dt>{t.referralDue}</dt>
            <dd>{formatDate(referral.dueAt, lang)}</dd>
          </>
        ) : (
          <>
            <dt>{t.referralUpdated}</dt>
            <dd>{formatDate(referral.updatedAt, lang)}</dd>
          </>
        )}
      </dl>
      {referral.instrumentSlug ? (
        <Paragraph>
          <Link href={`/aanbod/${referral.instrumentSlug}`}>
            {format(t.instrumentLink, { instrument: referral.instrument })}
          </Link>
        </Paragraph>
      ) : null}
    </article>
  );
};

/** /mijn-aanvraag/{token}: the entrepreneur's own case, every step in words, and what they can do from it. */
export const OwnCasePage = ({ page, model }: { page: PageContext; model: OwnCasePageModel }) => {
  const t = ownCaseMessages[page.lang];
  const lang = page.lang;
  const c = model.ownCase;
  const notice = {
    verstuurd: t.sentNotice,
    bericht: t.messageSent,
    aanvulling: t.infoSent,
  }[model.notice ?? ("" as never)] as string | undefined;
  const messageForm = (field: "message" | "info") => {
    const error = model.form.field === field ? problemFor(model.form.problems, field) : undefined;
    const id = field;
    return (
      <form
        method="post"
        action={`${model.path}/${field === "message" ? "bericht" : "aanvulling"}`}
        class="cl-form-stack"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <FormField
          id={id}
          label={field === "message" ? t.messageLabel : t.infoLabel}
          hint={field === "message" ? t.messageHint : t.infoHint}
          error={error}
        >
          <Textarea
            id={id}
            name="tekst"
            value={model.form.field === field ? model.form.value : ""}
            invalid={Boolean(error)}
            describedBy={describedBy(id, true, Boolean(error))}
          />
        </FormField>
        <Button secondary={field === "info"}>{field === "message" ? t.messageButton : t.infoButton}</Button>
      </form>
    );
  };
  return (
    <Layout page={page} title={`${t.title} ${c.reference}`} noindex>
      <ErrorSummary title={t.errorTitle} problems={model.form.problems} />
      <StatusNotice text={notice} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>
        {format(t.meta, { reference: c.reference, date: formatDate(c.createdAt, lang) })}
      </Paragraph>
      <Paragraph>{format(t.handledBy, { handler: c.handler, region: model.regionName })}</Paragraph>
      <Paragraph small>{t.privateLink}</Paragraph>

      <section aria-labelledby="verder" class="cl-section">
        <Heading level={2} id="verder">
          {t.nextHeading}
        </Heading>
        <UnorderedList>
          {nextSteps(t, lang, c).map((line) => (
            <ListItem>{line}</ListItem>
          ))}
        </UnorderedList>
        {c.status === "afgesloten" ? (
          <Paragraph>
            <Link href={`/intake?regio=${c.regionCode}`}>{t.nextClosedLink}</Link>
          </Paragraph>
        ) : null}
      </section>

      <section aria-labelledby="verwijzingen" class="cl-section">
        <Heading level={2} id="verwijzingen">
          {t.referralsHeading}
        </Heading>
        {c.referrals.length === 0 ? <Paragraph>{t.noReferrals}</Paragraph> : null}
        {c.referrals.map((referral) => (
          <ReferralCard t={t} lang={lang} referral={referral} />
        ))}
      </section>

      <section aria-labelledby="stappen" class="cl-section">
        <Heading level={2} id="stappen">
          {t.stepsHeading}
        </Heading>
        <ol class="utrecht-ordered-list">
          {c.steps.map((step) => (
            <li class="utrecht-ordered-list__item">
              <time datetime={step.at.toISOString()}>{formatDate(step.at, lang)}</time>
              {" · "}
              {stepText(t, lang, c, step)}
              {step.text ? <blockquote class="cl-quote">{step.text}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="bericht" class="cl-section">
        <Heading level={2} id="bericht">
          {t.messageHeading}
        </Heading>
        {messageForm("message")}
      </section>

      <section aria-labelledby="aanvullen" class="cl-section">
        <Heading level={2} id="aanvullen">
          {t.infoHeading}
        </Heading>
        {messageForm("info")}
      </section>

      <section aria-labelledby="verstuurd" class="cl-section">
        <Heading level={2} id="verstuurd">
          {t.sentHeading}
        </Heading>
        <dl class="cl-facts">
          <dt>{t.fieldCompany}</dt>
          <dd>{c.sent.companyName}</dd>
          <dt>{t.fieldKvk}</dt>
          <dd>{c.sent.kvkNumber}</dd>
          <dt>{t.fieldName}</dt>
          <dd>{c.sent.contactName}</dd>
          <dt>{t.fieldEmail}</dt>
          <dd>{c.sent.contactEmail}</dd>
          <dt>{t.fieldPhone}</dt>
          <dd>{c.sent.contactPhone ?? t.none}</dd>
          <dt>{t.fieldSector}</dt>
          <dd>{model.sectorName ?? t.none}</dd>
          <dt>{t.fieldQuestion}</dt>
          <dd>{c.sent.question}</dd>
        </dl>
      </section>

      <section aria-labelledby="loket" class="cl-section">
        <Heading level={2} id="loket">
          {t.loketHeading}
        </Heading>
        <LoketCard card={model.loket} lang={lang} headingLevel={3} />
      </section>

      <section aria-labelledby="gegevens" class="cl-section">
        <Heading level={2} id="gegevens">
          {t.dataHeading}
        </Heading>
        <Paragraph>{t.dataIntro}</Paragraph>
        <Paragraph>
          <Link href={`${model.path}/gegevens.json`}>{t.dataLink}</Link>
        </Paragraph>
      </section>

      <section aria-labelledby="intrekken" class="cl-section">
        <Heading level={2} id="intrekken">
          {t.withdrawHeading}
        </Heading>
        <Paragraph>{t.withdrawIntro}</Paragraph>
        <ButtonLink href={`${model.path}/intrekken`} secondary>
          {t.withdrawLink}
        </ButtonLink>
      </section>
    </Layout>
  );
};

/** /mijn-aanvraag/{token}/intrekken: the confirmation step before consent is withdrawn and the case erased. */
export const WithdrawPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { path: string; problems: FieldProblem[] };
}) => {
  const t = ownCaseMessages[page.lang];
  const error = problemFor(model.problems, "bevestig");
  return (
    <Layout page={page} title={t.withdrawTitle} noindex>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.withdrawTitle}</Heading>
      <Paragraph lead>{t.withdrawLead}</Paragraph>
      <UnorderedList>
        <ListItem>{t.withdrawPoint1}</ListItem>
        <ListItem>{t.withdrawPoint2}</ListItem>
        <ListItem>{t.withdrawPoint3}</ListItem>
      </UnorderedList>
      <Paragraph>{t.withdrawKept}</Paragraph>
      <form method="post" action={`${model.path}/intrekken`} class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        {error ? (
          <div class="utrecht-form-field-error-message" id="bevestig-error">
            {error}
          </div>
        ) : null}
        <Checkbox
          id="bevestig"
          name="bevestig"
          label={t.withdrawConfirmLabel}
          describedBy={error ? "bevestig-error" : undefined}
        />
        <Button>{t.withdrawButton}</Button>
      </form>
      <Paragraph>
        <ButtonLink href={model.path} secondary>
          {t.withdrawCancel}
        </ButtonLink>
      </Paragraph>
    </Layout>
  );
};

/** After the withdrawal: what was erased, and that the link no longer works. */
export const WithdrawnPage = ({ page }: { page: PageContext }) => {
  const t = ownCaseMessages[page.lang];
  return (
    <Layout page={page} title={t.withdrawnTitle} noindex>
      <Heading level={1}>{t.withdrawnTitle}</Heading>
      <Paragraph lead>{t.withdrawnBody}</Paragraph>
      <Paragraph>
        <Link href="/intake">{t.withdrawnAgain}</Link>
      </Paragraph>
    </Layout>
  );
};

/** /mijn-aanvraag: "Stuur mij mijn link opnieuw", the same answer whether or not the address is known. */
export const ResendLinkPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { sent: boolean; email: string; problems: FieldProblem[] };
}) => {
  const t = ownCaseMessages[page.lang];
  const error = problemFor(model.problems, "email");
  return (
    <Layout page={page} title={t.resendTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <StatusNotice text={model.sent ? t.resendSent : undefined} />
      <Heading level={1}>{t.resendTitle}</Heading>
      <Paragraph>{t.resendIntro}</Paragraph>
      <form method="post" action="/mijn-aanvraag" class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField id="email" label={t.resendLabel} error={error}>
          <TextInput
            id="email"
            name="email"
            type="email"
            value={model.email}
            autocomplete="email"
            inputmode="email"
            invalid={Boolean(error)}
            describedBy={describedBy("email", false, Boolean(error))}
          />
        </FormField>
        <Button>{t.resendButton}</Button>
      </form>
    </Layout>
  );
};
