import { Button, Heading, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { type MunicipalityOption, MunicipalityPicker, regionsMessages } from "../../regions/index.js";

/** The home page: one form, above the fold, that leads to help in your region. */
export const HomePage = ({
  page,
  municipalities,
}: {
  page: PageContext;
  municipalities: MunicipalityOption[];
}) => (
  <Layout page={page} title={page.t.home.title} current="home">
    <Heading level={1}>{page.t.home.title}</Heading>
    <Paragraph lead>{page.t.home.intro}</Paragraph>
    <form method="get" action="/regio" class="cl-inline-form" novalidate>
      <MunicipalityPicker
        id="gemeente"
        name="gemeente"
        label={regionsMessages[page.lang].pickerLabel}
        hint={regionsMessages[page.lang].pickerHint}
        options={municipalities}
      />
      <Button>{regionsMessages[page.lang].pickerButton}</Button>
    </form>
  </Layout>
);
