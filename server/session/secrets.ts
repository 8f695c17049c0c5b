import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { CODE_ALPHABET, LIMITS } from "../../shared/protocol/limits";

/** A short room code from an alphabet without look-alikes. */
export function newRoomCode(): string {
  let code = "";
  for (let i = 0; i < LIMITS.codeLength; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Unguessable token (host secret, seat token, share id). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** Only hashes of secrets are kept, so a leaked state or log does not hand out the host's powers. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string | undefined, hash: string): boolean {
  if (!secret) return false;
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newSeed(): number {
  return randomInt(0, 0xffffffff);
}
