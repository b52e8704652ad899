import { Heading, ListItem, Paragraph, UnorderedList } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";

/** How long things are kept, from the configuration and the retention rules (src/modules/privacy). */
export type RetentionTerms = {
  /** RETENTION_MONTHS: a closed dossier, a settled barrier report and a confirmed Mijn route address. */
  months: number;
  /** Days a barrier reporter's contact details stay after they were told the answer. */
  barrierContactDays: number;
  /** Days an unconfirmed Mijn route address waits for its confirmation. */
  mijnRouteConfirmDays: number;
  /** Days an unconfirmed alert sign-up waits for its confirmation. */
  alertConfirmDays: number;
};

/** The privacy statement: which data, why, how long, and the rights people have (AVG/GDPR). */
export const PrivacyPage = ({ page, retention }: { page: PageContext; retention: RetentionTerms }) => (
  <Layout page={page} title={page.t.privacyPage.title}>
    {page.lang === "nl" ? (
      <article class="cl-stack">
        <Heading level={1}>Privacy</Heading>
        <Paragraph lead>
          U kunt Circulair Loket gebruiken zonder account en zonder uw naam te geven. We verzamelen alleen
          persoonsgegevens als u zelf om een gesprek vraagt of een belemmering meldt met uw contactgegevens,
          of als u uw e-mailadres geeft voor Mijn route of voor meldingen.
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
          We gebruiken die alleen als u daar uitdrukkelijk toestemming voor geeft. We bewaren welke tekst u
          toestemming gaf, wanneer, en met welk doel. Na het afsluiten van uw dossier maken we uw gegevens na{" "}
          {retention.months} maanden onherkenbaar.
        </Paragraph>
        <Heading level={2}>Wie ziet wat</Heading>
        <UnorderedList>
          <ListItem>
            <strong>De adviseurs van het regionale loket</strong> van uw regio zien alles wat u invult en wat
            zij zelf in uw dossier zetten: uw naam, e-mailadres, telefoonnummer, bedrijfsnaam, KVK-nummer, uw
            vraag, hun notities en de verwijzingen.
          </ListItem>
          <ListItem>
            <strong>De aanbieder van een regeling of ondersteuning</strong> waarnaar de adviseur u
            doorverwijst (bijvoorbeeld RVO) ziet bij die verwijzing alleen: uw bedrijfsnaam, KVK-nummer,
            regio, naam en e-mailadres, en het bericht van de adviseur. De aanbieder ziet niet uw
            telefoonnummer, niet uw vraag en niet de notities. Andere aanbieders zien niets van u.
          </ListItem>
          <ListItem>
            <strong>De landelijke coördinatie van Circulair Loket</strong> behandelt uw aanvraag als er in uw
            regio geen loket is dat aanvragen aanneemt. Dat staat dan ook in de toestemming die u geeft. Zij
            ziet dan hetzelfde als een adviseur van een regionaal loket.
          </ListItem>
          <ListItem>
            <strong>Coördinatoren</strong> van regio's, provincies en het Rijk zien verder alleen cijfers,
            zoals aantallen aanvragen en verwijzingen per regio. Daarin staan geen namen, contactgegevens of
            bedrijfsnamen.
          </ListItem>
          <ListItem>
            <strong>De beheerders van Circulair Loket</strong> voeren uw verzoek om inzage of verwijdering uit
            en kunnen de verstuurde e-mails zien.
          </ListItem>
        </UnorderedList>
        <Paragraph>Elke keer dat iemand uw gegevens bekijkt of wijzigt, wordt vastgelegd.</Paragraph>
        <Heading level={2}>Als u een belemmering meldt</Heading>
        <Paragraph>
          Uw naam en e-mailadres geeft u alleen als u wilt, met uw toestemming. Coördinatoren zien de melding
          (onderwerp, gemeente en beschrijving), maar uw naam en e-mailadres staan niet in hun overzicht. Wij
          wissen uw contactgegevens {retention.barrierContactDays} dagen nadat wij u het antwoord hebben
          gestuurd, en anders {retention.months} maanden nadat de melding is afgehandeld.
        </Paragraph>
        <Heading level={2}>Als u de link van Mijn route per e-mail vraagt</Heading>
        <Paragraph>
          Uw e-mailadres gebruiken wij alleen om de link van uw route naar u te sturen. Eerst krijgt u een
          e-mail om uw adres te bevestigen. Bevestigt u niet binnen {retention.mijnRouteConfirmDays} dagen,
          dan wissen wij uw adres. Na de bevestiging sturen wij de link één keer en wissen wij uw adres na{" "}
          {retention.months} maanden. Wilt u dat wij uw adres eerder wissen? Vraag het ons, zoals bij Uw
          rechten hieronder staat. Uw route zelf bevat geen naam of adres.
        </Paragraph>
        <Heading level={2}>Als u meldingen aanvraagt (Houd me op de hoogte)</Heading>
        <Paragraph>
          Uw e-mailadres gebruiken wij alleen om u te laten weten dat er iets nieuws is dat past bij wat u
          wilt volgen, zoals een regeling of een bijeenkomst. Eerst krijgt u een e-mail om uw aanmelding te
          bevestigen. Bevestigt u niet binnen {retention.alertConfirmDays} dagen, dan wissen wij de aanmelding
          en uw adres. Na de bevestiging bewaren wij uw adres en wat u volgt zolang u meldingen wilt krijgen.
          In elke e-mail staat een link om u met één klik af te melden. Dan wissen wij meteen uw adres en
          alles wat u volgde.
        </Paragraph>
        <Heading level={2}>Als u bij een loket, aanbieder of coördinatie werkt</Heading>
        <Paragraph>
          Een beheerder nodigt u uit met uw naam en e-mailadres. Voor uw account bewaren wij uw naam,
          e-mailadres, rol, organisatie en wanneer u voor het laatst inlogde. De uitnodiging wissen wij 30
          dagen nadat u hem gebruikte, of nadat hij verliep of werd ingetrokken. Zet een beheerder uw account
          uit, dan blijft uw naam staan bij wat u eerder deed.
        </Paragraph>
        <Heading level={2}>Uw rechten</Heading>
        <Paragraph>
          U mag uw gegevens inzien, laten verbeteren, laten verwijderen en een kopie krijgen. U mag uw
          toestemming altijd intrekken. Vraag dit aan het loket waarmee u contact heeft. Gebruikt u alleen
          Mijn route of meldingen? Vraag het dan aan het loket van uw regio; de contactgegevens staan op de
          pagina van uw regio. Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht
          indienen bij de Autoriteit Persoonsgegevens.
        </Paragraph>
        <Paragraph small>Deze verklaring is bijgewerkt op 6 december 2026.</Paragraph>
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
          Commerce (KVK) number and your question. We use these only with your explicit consent. We record
          which consent text you agreed to, when, and for what purpose. After your case is closed, we make
          your data unrecognisable after {retention.months} months.
        </Paragraph>
        <Heading level={2}>Who sees what</Heading>
        <UnorderedList>
          <ListItem>
            <strong>The advisers of the regional support desk</strong> for your region see everything you fill
            in and what they add to your case: your name, e-mail address, phone number, company name, KVK
            number, your question, their notes and the referrals.
          </ListItem>
          <ListItem>
            <strong>The provider of a scheme or support</strong> the adviser refers you to (for example RVO)
            sees only, with that referral: your company name, KVK number, region, name and e-mail address, and
            the adviser's message. The provider does not see your phone number, your question or the notes.
            Other providers see nothing about you.
          </ListItem>
          <ListItem>
            <strong>The national coordination of Circulair Loket</strong> handles your request when no desk in
            your region takes requests. The consent you give then says so. It sees the same as an adviser of a
            regional desk.
          </ListItem>
          <ListItem>
            <strong>Coordinators</strong> of regions, provinces and the national government otherwise see
            figures only, such as numbers of requests and referrals per region. These hold no names, contact
            details or company names.
          </ListItem>
          <ListItem>
            <strong>The administrators of Circulair Loket</strong> carry out your request to see or delete
            your data, and can see the e-mails that were sent.
          </ListItem>
        </UnorderedList>
        <Paragraph>Every time someone views or changes your data, this is logged.</Paragraph>
        <Heading level={2}>When you report a barrier</Heading>
        <Paragraph>
          You give your name and e-mail address only if you want to, with your consent. Coordinators see the
          report (topic, municipality and description), but your name and e-mail address are not in their
          overview. We erase your contact details {retention.barrierContactDays} days after we sent you the
          answer, and otherwise {retention.months} months after the report is settled.
        </Paragraph>
        <Heading level={2}>When you ask for the link of Mijn route by e-mail</Heading>
        <Paragraph>
          We use your e-mail address only to send you the link of your route. You first get an e-mail to
          confirm your address. If you do not confirm within {retention.mijnRouteConfirmDays} days, we erase
          your address. After the confirmation we send the link once and erase your address after{" "}
          {retention.months} months. Would you like us to erase your address sooner? Ask us, as described
          under Your rights below. Your route itself holds no name or address.
        </Paragraph>
        <Heading level={2}>When you sign up for alerts (Keep me informed)</Heading>
        <Paragraph>
          We use your e-mail address only to tell you about something new that matches what you want to
          follow, such as a scheme or an event. You first get an e-mail to confirm your sign-up. If you do not
          confirm within {retention.alertConfirmDays} days, we erase the sign-up and your address. After the
          confirmation we keep your address and what you follow for as long as you want alerts. Every e-mail
          has a link to unsubscribe in one click. We then erase your address and everything you followed at
          once.
        </Paragraph>
        <Heading level={2}>If you work at a desk, a provider or a coordination</Heading>
        <Paragraph>
          An administrator invites you with your name and e-mail address. For your account we keep your name,
          e-mail address, role, organisation and when you last logged in. We erase the invitation 30 days
          after you used it, or after it expired or was withdrawn. If an administrator switches your account
          off, your name stays with what you did before.
        </Paragraph>
        <Heading level={2}>Your rights</Heading>
        <Paragraph>
          You may see your data, have it corrected or deleted, and receive a copy. You may withdraw your
          consent at any time. Ask the support desk you are in contact with. If you only use Mijn route or
          alerts, ask the support desk of your region; its contact details are on your region's page. If you
          disagree with how we handle your data, you can complain to the Dutch Data Protection Authority
          (Autoriteit Persoonsgegevens).
        </Paragraph>
        <Paragraph small>This statement was updated on 6 December 2026.</Paragraph>
      </article>
    )}
  </Layout>
);
