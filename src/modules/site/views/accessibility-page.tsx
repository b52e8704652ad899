import { Heading, Link, ListItem, Paragraph, UnorderedList } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";

/** The accessibility statement: what we test, what we know is missing, and how to tell us. */
export const AccessibilityPage = ({ page }: { page: PageContext }) => (
  <Layout page={page} title={page.t.accessibilityPage.title}>
    {page.lang === "nl" ? (
      <article class="cl-stack">
        <Heading level={1}>Toegankelijkheid</Heading>
        <Paragraph lead>
          Iedereen moet Circulair Loket kunnen gebruiken: met een toetsenbord, een schermlezer, vergroting of
          zonder JavaScript. Wij houden ons aan de Web Content Accessibility Guidelines (WCAG) 2.2 op niveau
          AA.
        </Paragraph>
        <Heading level={2}>Hoe ver zijn we?</Heading>
        <Paragraph>
          Deze website <strong>voldoet gedeeltelijk</strong>. Er is nog geen onderzoek gedaan door een
          onafhankelijke partij. Zolang dat niet is gebeurd, zeggen we niet dat alles in orde is.
        </Paragraph>
        <Heading level={2}>Wat we zelf controleren</Heading>
        <UnorderedList>
          <ListItem>
            Bij elke wijziging testen we elke pagina automatisch met axe-core in een echte browser (Chromium),
            in het Nederlands en het Engels.
          </ListItem>
          <ListItem>Elk formulier werkt zonder JavaScript en met alleen een toetsenbord.</ListItem>
          <ListItem>
            Elke openbare pagina testen we ook op een scherm van 320 pixels breed, zoals bij 400% vergroting:
            de pagina schuift dan niet opzij. Alleen een brede tabel schuift binnen zijn eigen kader.
          </ListItem>
          <ListItem>
            We gebruiken componenten van NL Design System en kleuren met voldoende contrast.
          </ListItem>
          <ListItem>Elke grafiek en kaart krijgt een tabel met dezelfde cijfers.</ListItem>
        </UnorderedList>
        <Heading level={2}>Wat nog ontbreekt</Heading>
        <UnorderedList>
          <ListItem>
            Een onderzoek door een onafhankelijke deskundige, met gebruikers die hulpmiddelen gebruiken.
          </ListItem>
          <ListItem>
            Automatische tests vinden ongeveer een derde van alle problemen. De rest controleren we nog met de
            hand.
          </ListItem>
        </UnorderedList>
        <Heading level={2}>Iets werkt niet?</Heading>
        <Paragraph>
          Kunt u iets op deze website niet gebruiken? Vraag dan uw regionale loket om hulp; u vindt het via{" "}
          <Link href="/regio">de pagina met regio's</Link>. Een vast meldadres voor toegankelijkheid volgt
          voordat de dienst officieel start.
        </Paragraph>
        <Paragraph small>
          Deze verklaring is opgesteld op 27 november 2026 en bijgewerkt op 28 november 2026.
        </Paragraph>
      </article>
    ) : (
      <article class="cl-stack">
        <Heading level={1}>Accessibility</Heading>
        <Paragraph lead>
          Everyone should be able to use Circulair Loket: with a keyboard, a screen reader, magnification or
          without JavaScript. We follow the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.
        </Paragraph>
        <Heading level={2}>Where we stand</Heading>
        <Paragraph>
          This website <strong>partially complies</strong>. No independent party has audited it yet. Until
          that has happened, we do not claim that everything is in order.
        </Paragraph>
        <Heading level={2}>What we check ourselves</Heading>
        <UnorderedList>
          <ListItem>
            With every change, we test every page automatically with axe-core in a real browser (Chromium), in
            Dutch and English.
          </ListItem>
          <ListItem>Every form works without JavaScript and with a keyboard alone.</ListItem>
          <ListItem>
            We also test every public page on a screen 320 pixels wide, as at 400% zoom: the page does not
            scroll sideways. Only a wide table scrolls inside its own box.
          </ListItem>
          <ListItem>We use NL Design System components and colours with enough contrast.</ListItem>
          <ListItem>Every chart and map comes with a table holding the same figures.</ListItem>
        </UnorderedList>
        <Heading level={2}>What is still missing</Heading>
        <UnorderedList>
          <ListItem>
            An audit by an independent expert, including people who use assistive technology.
          </ListItem>
          <ListItem>
            Automated tests find roughly a third of all problems. We still check the rest by hand.
          </ListItem>
        </UnorderedList>
        <Heading level={2}>Something does not work?</Heading>
        <Paragraph>
          If you cannot use something on this website, ask your regional support desk for help; you can find
          it on <Link href="/regio">the regions page</Link>. A dedicated address for accessibility reports
          will follow before the service officially launches.
        </Paragraph>
        <Paragraph small>
          This statement was drawn up on 27 November 2026 and updated on 28 November 2026.
        </Paragraph>
      </article>
    )}
  </Layout>
);
