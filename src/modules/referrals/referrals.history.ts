import { format, type Lang } from "../../i18n/index.js";
import { ownCaseMessages } from "./own-case.messages.js";
import { dossierMessages } from "./referrals.dossier.messages.js";
import { label } from "./referrals.messages.js";

/** A dossier note as stored: a free note, a message or added information from the company, or an event whose body is a code ("opgepakt", "status:wachten", "verwezen:<ref_id>"). */
export type StoredNote = { kind: string; body: string; author: string | null; createdAt: Date };

/** The ref_ids that history lines name ("verwezen:<ref_id>"), to look their names up once. */
export function referredRefIds(notes: readonly StoredNote[]): string[] {
  return [
    ...new Set(
      notes.flatMap((note) =>
        note.kind === "event" && note.body.startsWith("verwezen:")
          ? [note.body.slice("verwezen:".length)]
          : [],
      ),
    ),
  ];
}

/**
 * A dossier's notes and history in words (issue 15 item 6): events as sentences with status words and instrument
 * names, every line with who wrote or did it by name; the intake itself is the company's.
 */
export function historyLines(
  notes: readonly StoredNote[],
  context: {
    lang: Lang;
    companyName: string;
    instrumentName: (refId: string) => string | undefined;
    /** The personal data were erased: free text shows as removed, and the company is "the entrepreneur". */
    erased?: boolean;
  },
): { text: string; actor: string; createdAt: Date }[] {
  const d = dossierMessages[context.lang];
  return notes.map((note) => {
    // A message or added information from the entrepreneur's own page (ADR 0085) is the company's, like the intake.
    const fromCompany = note.kind === "message" || note.kind === "info";
    const actor =
      note.author ??
      (note.body === "intake_ontvangen" || note.body === "toestemming_ingetrokken" || fromCompany
        ? context.erased
          ? d.actorErased
          : format(d.actorCompany, { company: context.companyName })
        : d.actorSystem);
    // Free text of an erased dossier holds a placeholder, not data: it reads "verwijderd".
    const body = context.erased && note.kind !== "event" ? d.removed : note.body;
    if (note.kind === "note") return { text: body, actor, createdAt: note.createdAt };
    if (fromCompany) {
      const o = ownCaseMessages[context.lang];
      const text = `${note.kind === "message" ? o.dossierMessage : o.dossierInfo} ${body}`;
      return { text, actor, createdAt: note.createdAt };
    }
    const [kind, value = ""] = note.body.split(":");
    const text =
      kind === "status"
        ? format(d.historyStatus, { status: label(context.lang, value) })
        : kind === "verwezen"
          ? format(d.historyReferred, { instrument: context.instrumentName(value) ?? value })
          : label(context.lang, note.body);
    return { text, actor, createdAt: note.createdAt };
  });
}
