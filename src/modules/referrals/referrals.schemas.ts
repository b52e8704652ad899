import { z } from "zod";
import { LISTING_STATUSES } from "./referrals.instruments.js";

/**
 * KVK numbers have exactly eight digits. People type them the way the KVK prints them ("1234 5678") or with dots or
 * dashes; those are dropped before the check, and the dossier keeps the eight digits.
 */
export const kvkNumber = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^\d{8}$/));

/** The intake form as posted; messages are chosen by the route from the failing field. */
export const intakeForm = z.object({
  // The region of the hub the visitor saw; the dossier's region follows from the municipality (ADR 0077).
  regio: z.string().optional(),
  // The municipality or place as typed; the route resolves it with the regions module's place look-up.
  gemeente: z.string().optional(),
  // A section letter (C) or a two-digit division (13), as the route and the scan carry it.
  sector: z
    .string()
    .regex(/^([A-U]|\d{2})$/)
    .optional()
    .or(z.literal("")),
  resultaat: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional()
    .or(z.literal("")),
  contactName: z.string().trim().min(2).max(200),
  email: z.email().max(254),
  // Digits with the usual spaces, dots, dashes and brackets ("06 12 34 56 78", "+31 (0)6-1234.5678").
  phone: z
    .string()
    .trim()
    .max(25)
    .regex(/^[+0-9 ().-]{6,}$/)
    .optional()
    .or(z.literal("")),
  companyName: z.string().trim().min(2).max(200),
  kvk: kvkNumber,
  question: z.string().trim().min(10).max(2000),
  consent: z.literal("ja"),
});
export type IntakeForm = z.infer<typeof intakeForm>;

/** Posted numbers in Dutch or English notation ("1.234,5" or "1234.5"); empty means unknown. */
export const optionalAmount = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    const normalised = value.includes(",") ? value.replace(/\./g, "").replace(",", ".") : value;
    const number = Number(normalised);
    if (!Number.isFinite(number) || number < 0 || number > 1e12) {
      context.addIssue({ code: "custom", message: "amount" });
      return z.NEVER;
    }
    return number;
  });

export const measureForm = z.object({
  description: z.string().trim().min(3).max(1000),
  materialKg: optionalAmount,
  euro: optionalAmount,
  co2eKg: optionalAmount,
  basis: z.enum(["geschat", "gemeten"]),
  /** Empty for none; an id within PostgreSQL's integer range (a longer number is a form error, not a 500). */
  referralId: z
    .string()
    .regex(/^\d{0,10}$/)
    .refine((value) => value === "" || Number(value) <= 2_147_483_647)
    .optional(),
});

/** A provider's listing: the catalogue's status words, the application window and the terms (ADR 0044). */
export const listingForm = z
  .object({
    status: z.enum(LISTING_STATUSES),
    opensOn: z.iso.date().optional().or(z.literal("")),
    closesOn: z.iso.date().optional().or(z.literal("")),
    terms: z.string().trim().max(2000).default(""),
    version: z.coerce.number().int().min(0),
  })
  .refine((form) => !form.opensOn || !form.closesOn || form.closesOn >= form.opensOn, {
    path: ["closesOn"],
    message: "window",
  });
