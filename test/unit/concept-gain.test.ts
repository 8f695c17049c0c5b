/**
 * Issue 19: the class's normalized gain, computed as Hake (1998) does, from the class averages:
 * ⟨g⟩ = (%post − %pre) / (100 % − %pre). A small class worked by hand.
 */
import { describe, expect, it } from "vitest";
import { checkResults, normalizedGain, spread } from "../../shared/concepts/results";
import { SHIPPED_BANK } from "../../shared/concepts/shipped";
import { correctOption } from "../../shared/concepts/types";

const q = (id: string) => SHIPPED_BANK.question(id)!;
const wrongOf = (id: string) => q(id).options.find((o) => !o.correct)!.id;
const rightOf = (id: string) => correctOption(q(id));

describe("normalized gain", () => {
  it("is (post − pre) / (1 − pre) of the class averages, null when it cannot be computed", () => {
    expect(normalizedGain({ right: 2, answered: 8 }, { right: 6, answered: 8 })).toBeCloseTo((0.75 - 0.25) / 0.75);
    expect(normalizedGain({ right: 4, answered: 8 }, { right: 3, answered: 6 })).toBe(0);
    expect(normalizedGain({ right: 5, answered: 10 }, { right: 4, answered: 10 })).toBeCloseTo(-0.2);
    expect(normalizedGain({ right: 8, answered: 8 }, { right: 8, answered: 8 })).toBeNull();
    expect(normalizedGain({ right: 0, answered: 0 }, { right: 3, answered: 4 })).toBeNull();
    expect(normalizedGain({ right: 1, answered: 4 }, { right: 0, answered: 0 })).toBeNull();
  });

  it("tallies a check per concept and overall, from the class averages (students who answered only one side still count in it)", () => {
    // Two concepts; kernel asked as kernel.1 before and kernel.2 after, boot as boot.1 both times.
    const pre = new Map<number, Map<string, string>>([
      [1, new Map([["kernel.1", rightOf("kernel.1")], ["boot.1", wrongOf("boot.1")]])],
      [2, new Map([["kernel.1", wrongOf("kernel.1")], ["boot.1", wrongOf("boot.1")]])],
      [3, new Map([["kernel.1", wrongOf("kernel.1")], ["boot.1", rightOf("boot.1")]])],
      [4, new Map([["kernel.1", wrongOf("kernel.1")]])],
    ]);
    const post = new Map<number, Map<string, string>>([
      [1, new Map([["kernel.2", rightOf("kernel.2")], ["boot.1", rightOf("boot.1")]])],
      [2, new Map([["kernel.2", rightOf("kernel.2")], ["boot.1", wrongOf("boot.1")]])],
      [3, new Map([["kernel.2", wrongOf("kernel.2")], ["boot.1", rightOf("boot.1")]])],
      // Seat 5 came late: only after.
      [5, new Map([["kernel.2", rightOf("kernel.2")], ["boot.1", rightOf("boot.1")]])],
    ]);
    const r = checkResults(SHIPPED_BANK, { pre: ["kernel.1", "boot.1"], post: ["kernel.2", "boot.1"] }, { pre, post });
    expect(r.rows.map((row) => row.concept)).toEqual(["kernel", "boot"]);
    const [kernel, boot] = r.rows;
    expect(kernel).toMatchObject({ questions: { pre: "kernel.1", post: "kernel.2" }, pre: { right: 1, answered: 4 }, post: { right: 3, answered: 4 } });
    expect(kernel.gain).toBeCloseTo((3 / 4 - 1 / 4) / (1 - 1 / 4)); // 0.667
    expect(boot).toMatchObject({ pre: { right: 1, answered: 3 }, post: { right: 3, answered: 4 } });
    expect(boot.gain).toBeCloseTo((3 / 4 - 1 / 3) / (1 - 1 / 3)); // 0.625
    expect(r.overall).toMatchObject({ pre: { right: 2, answered: 7 }, post: { right: 6, answered: 8 } });
    expect(r.overall.gain).toBeCloseTo((6 / 8 - 2 / 7) / (1 - 2 / 7));
  });

  it("counts a vote's spread per option, in the question's order", () => {
    const question = q("kernel.1");
    const answers = new Map([[1, "a"], [2, "c"], [3, "a"], [4, "zz"]]);
    expect(spread(question, answers)).toEqual([{ option: "a", count: 2 }, { option: "b", count: 0 }, { option: "c", count: 1 }, { option: "d", count: 0 }]);
  });
});
