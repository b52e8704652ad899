import {
  emptyProviderEventForm,
  type ProviderEventFormValues,
} from "../../src/modules/knowledge/knowledge.provider-events.form.js";
import type { loginAs } from "../support/workspace.js";

type Session = Awaited<ReturnType<typeof loginAs>>;

/** A complete, valid provider event form for an afternoon in April 2027 in Enschede (RVO's MIA\Vamil). */
export const eventForm = (overrides: Partial<ProviderEventFormValues> = {}): ProviderEventFormValues => ({
  ...emptyProviderEventForm("RVO"),
  titleNl: "Spreekuur MIA\\Vamil voor de maakindustrie",
  titleEn: "MIA\\Vamil office hours for manufacturers",
  descriptionNl: "Adviseurs beantwoorden uw vragen over de aftrek voor circulaire bedrijfsmiddelen.",
  descriptionEn: "Advisers answer your questions about the deduction for circular business assets.",
  startDate: "2027-04-08",
  startTime: "13:30",
  endTime: "16:00",
  place: "Stadskantoor, Hengelosestraat 51, Enschede",
  regionCode: "ES04",
  instrumentRefId: "rvo-mia-vamil-circulair",
  registrationUrl: "https://www.rvo.nl/aanmelden",
  ...overrides,
});

/** Saves a new event through the workspace form as the given provider or hub adviser; answers its slug. */
export async function createEvent(owner: Session, form: ProviderEventFormValues = eventForm()) {
  const csrf = await owner.session.csrfTokenFrom("/werkruimte/agenda/nieuw");
  const response = await owner.session.post("/werkruimte/agenda/nieuw", { ...form }, { csrf });
  if (response.status !== 303) throw new Error(`event not saved: ${response.status}`);
  return /#(.+)$/.exec(response.headers.get("location")!)![1]!;
}
