import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP 2024 minimum (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this keeps the time of a login for an unknown e-mail address close to a known one.
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the time, and answers false. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

const COMMON = new Set([
  "wachtwoord123",
  "welkom123456",
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "wachtwoordwachtwoord",
]);

/** Password rules (NIST 800-63B style): 12 to 128 characters, not the e-mail address, not a well-known one. */
export function passwordProblem(
  password: string,
  email: string,
): "tooShort" | "tooLong" | "weak" | undefined {
  if (password.length < 12) return "tooShort";
  if (password.length > 128) return "tooLong";
  const lower = password.toLowerCase();
  if (lower === email.toLowerCase() || COMMON.has(lower) || new Set(lower).size < 4) return "weak";
  return undefined;
}
