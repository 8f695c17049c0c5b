import { describe, expect, it } from "vitest";
import { createMatch, stateHash } from "../../shared/engine";
describe("smoke", () => { it("creates", () => { expect(stateHash(createMatch({ scenario: "exam-morning", teams: ["a"] }, 1))).toHaveLength(16); }); });
