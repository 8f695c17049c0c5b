/**
 * What a screen reader says as the game goes on. Two live regions sit in index.html from the first
 * paint (a region made on demand swallows its first message): `polite` for news that can wait for a
 * pause (a minute's figures, a teammate's build, a confirmation) and `assertive` for what must
 * interrupt (the spike, an incident, a refusal, the teacher's message).
 */
export type Urgency = "polite" | "assertive";

function region(urgency: Urgency): HTMLElement {
  const id = `live-${urgency}`;
  let el = document.getElementById(id);
  if (!el) {
    // Pages built without index.html (unit tests of panels): the same region, made now.
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
 * Says `text` through the region for `urgency`. Messages within one task are said together; the
 * region is emptied first so the same words said twice are heard twice.
 */
export function announce(text: string, urgency: Urgency = "polite"): void {
  if (!text) return;
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

/** What the regions said last (browser tests read it; so can anyone with the page open). */
export function lastAnnounced(urgency: Urgency): string {
  return region(urgency).textContent ?? "";
}
