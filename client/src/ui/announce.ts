/**
 * What a screen reader says as the game goes on. Two live regions sit in index.html from the first
 * paint (a region made on demand swallows its first message); nothing else on a student's screens
 * is a live region. Every sentence goes through `speak`, which applies the announcement policy
 * (./speech/policy.ts): one region per sentence, chosen by what the sentence is about.
 */
import { exposeForTests, TEST_HOOKS } from "../testHooks";
import { Speaker, type Kind, type Urgency } from "./speech/policy";

export type { Kind, Urgency };

function region(urgency: Urgency): HTMLElement {
  const id = `live-${urgency}`;
  let el = document.getElementById(id);
  if (!el) {
    // Pages built without index.html: the same region, made now.
    el = document.createElement("div");
    el.id = id;
    el.className = "sr-only";
    el.setAttribute("aria-live", urgency);
    el.setAttribute("role", urgency === "assertive" ? "alert" : "status");
    document.body.append(el);
  }
  return el;
}

const pending: Record<Urgency, string[]> = { polite: [], assertive: [] };
const queued: Record<Urgency, boolean> = { polite: false, assertive: false };

/**
 * Writes `text` into the region for `urgency`. Sentences within one task are said together; the
 * region is emptied first so that the same words said again later are heard again.
 */
function write(text: string, urgency: Urgency): void {
  pending[urgency].push(text);
  if (queued[urgency]) return;
  queued[urgency] = true;
  const el = region(urgency);
  el.textContent = "";
  // After the emptying has been seen: screen readers announce changes, not contents.
  setTimeout(() => {
    queued[urgency] = false;
    el.textContent = pending[urgency].splice(0).join(" ");
  }, 60);
}

const speaker = new Speaker(write, () => performance.now());
if (TEST_HOOKS) exposeForTests({ spoken: () => speaker.log.map((s) => ({ ...s })) });

/** Says `text` as news of `kind` (the policy picks the region); false when it was just said. */
export function speak(kind: Kind, text: string): boolean {
  return speaker.say(kind, text);
}

/** What the regions said last (browser tests read it; so can anyone with the page open). */
export function lastAnnounced(urgency: Urgency): string {
  return region(urgency).textContent ?? "";
}
