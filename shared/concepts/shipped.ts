/**
 * The question bank the game ships (bank.json), checked and indexed. Only the server imports it: a
 * student's browser is never sent a correct option before the teacher reveals it, so the bank must
 * stay out of the client's bundle (test/client/bundle.test.ts holds it to that).
 */
import raw from "./bank.json";
import { BankSchema } from "./bank";
import { BankIndex, type Bank } from "./types";
import { checkBank } from "./check";

function load(): Bank {
  const problems = checkBank(raw);
  if (problems.length > 0) throw new Error(`shared/concepts/bank.json: ${problems.join("; ")}`);
  return BankSchema.parse(raw) as Bank;
}

export const SHIPPED_BANK: BankIndex = new BankIndex(load());
