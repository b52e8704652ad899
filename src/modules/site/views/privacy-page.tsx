import { Heading, ListItem, Paragraph, UnorderedList } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";

/** The privacy statement: which data, why, how long, and the rights people have (AVG/GDPR). */
export const PrivacyPage = ({ page }: { page: PageContext }) => (
  <Layout page={page} title={page.t.privacyPage.title}>
    {page.lang === "nl" ? (
      <article class="cl-stack">
        <Heading level={1}>Privacy</Heading>
        <Paragraph lead>
          U kunt Circulair Loket gebruiken zonder account en zonder uw naam te geven. We verzamelen alleen
          persoonsgegevens als u zelf om een gesprek vraagt of een belemmering meldt met uw contactgegevens.
        </Paragraph>
        <Heading level={2}>Wat we bewaren als u alleen rondkijkt</Heading>
        <UnorderedList>
          <ListItem>Een cookie met uw taalkeuze (Nederlands of Engels), een jaar geldig.</ListItem>
          <ListItem>
            Een beveiligingscookie dat formulieren beschermt tegen misbruik. U krijgt het pas op een pagina
            met zo'n formulier. Het is geldig tot u de browser sluit.
          </ListItem>
          <ListItem>
            Tellingen van gebruik zonder persoonsgegevens, bijvoorbeeld hoeveel routes er per regio zijn
            bekeken. Daarin staan geen namen, IP-adressen of bedrijfsgegevens.
          </ListItem>
        </UnorderedList>
        <Paragraph>
          We gebruiken geen advertentie- of volgcookies en geen diensten van derden die u volgen.
        </Paragraph>
        <Heading level={2}>Als u om een gesprek vraagt</Heading>
        <Paragraph>
          Dan vragen we uw naam, e-mailadres, eventueel telefoonnummer, bedrijfsnaam, KVK-nummer en uw vraag.
          We delen die alleen met het regionale loket dat u kiest, en alleen als u daar uitdrukkelijk
          toestemming voor geeft. We bewaren welke tekst u toestemming gaf, wanneer, en met welk doel. Na het
          afsluiten van uw dossier maken we uw gegevens na 24 maanden onherkenbaar. Alleen de adviseurs van
          dat loket kunnen uw gegevens inzien; elke keer dat iemand ze bekijkt of wijzigt, wordt vastgelegd.
        </Paragraph>
        <Heading level={2}>Uw rechten</Heading>
        <Paragraph>
          U mag uw gegevens inzien, laten verbeteren, laten verwijderen en een kopie krijgen. U mag uw
          toestemming altijd intrekken. Vraag dit aan het loket waarmee u contact heeft. Bent u het niet eens
          met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit
          Persoonsgegevens.
        </Paragraph>
        <Paragraph small>Deze verklaring is opgesteld op 27 november 2026.</Paragraph>
      </article>
    ) : (
      <article class="cl-stack">
        <Heading level={1}>Privacy</Heading>
        <Paragraph lead>
          You can use Circulair Loket without an account and without giving your name. We only collect
          personal data when you ask for a conversation yourself, or report a barrier together with your
          contact details.
        </Paragraph>
        <Heading level={2}>What we keep when you just look around</Heading>
        <UnorderedList>
          <ListItem>A cookie with your language choice (Dutch or English), valid for one year.</ListItem>
          <ListItem>
            A security cookie that protects forms against abuse. You only get it on a page with such a form.
            It is valid until you close your browser.
          </ListItem>
          <ListItem>
            Usage counts without personal data, for example how many routes were viewed per region. They hold
            no names, IP addresses or company details.
          </ListItem>
        </UnorderedList>
        <Paragraph>
          We use no advertising or tracking cookies and no third-party services that follow you.
        </Paragraph>
        <Heading level={2}>When you ask for a conversation</Heading>
        <Paragraph>
          We then ask for your name, e-mail address, optionally your phone number, company name, Chamber of
          Commerce (KVK) number and your question. We share these only with the regional support desk you
          choose, and only with your explicit consent. We record which consent text you agreed to, when, and
          for what purpose. After your case is closed, we make your data unrecognisable after 24 months. Only
          the advisers of that desk can see your data; every time someone views or changes it, this is logged.
        </Paragraph>
        <Heading level={2}>Your rights</Heading>
        <Paragraph>
          You may see your data, have it corrected or deleted, and receive a copy. You may withdraw your
          consent at any time. Ask the support desk you are in contact with. If you disagree with how we
          handle your data, you can complain to the Dutch Data Protection Authority (Autoriteit
          Persoonsgegevens).
        </Paragraph>
        <Paragraph small>This statement was drawn up on 27 November 2026.</Paragraph>
      </article>
    )}
  </Layout>
);
