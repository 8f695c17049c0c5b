/**
 * The announcement policy (docs/ACCESSIBILITY.md, "What a screen reader hears"): what kind of news
 * each sentence is, and so how it is said. Every sentence the game speaks goes through a Speaker,
 * which gives each kind one politeness, never says the same sentence twice within REPEAT_MS, and
 * keeps a log the browser tests read. Pure: the live regions and the clock are handed in.
 */
export type Urgency = "polite" | "assertive";

/**
 * What a sentence is about. Assertive interrupts the screen reader, so it is kept for what needs
 * action now and concerns this student: their own command refused, the spike, an incident or
 * alarm that hit their own team, and the class's clock (stopped, restarting, extra time ending).
 * Everything else waits for a pause in speech.
 */
export const POLICY = {
  /** The student's own command or request was refused (why, and what to do instead). */
  refusal: "assertive",
  /** The spike (or its second wave) has started. */
  spike: "assertive",
  /** An incident or alarm that hit this team: something went down, is about to, or cost money. */
  hit: "assertive",
  /** The class's clock stopped or restarted, extra time given or about to end. */
  clock: "assertive",
  /** The student's own command was carried out: once, with when its result is ready. */
  done: "polite",
  /** A teammate's command was carried out. */
  teammate: "polite",
  /** Requests are being turned away (said while it lasts), or no longer are. */
  losses: "polite",
  /** The teacher's message. */
  teacher: "polite",
  /** Everything else: an incident that missed this team, a repair, a confirmation, a result shown. */
  news: "polite",
} as const satisfies Record<string, Urgency>;

export type Kind = keyof typeof POLICY;

/** The same sentence is not said again within this long (ms of real time). */
export const REPEAT_MS = 5000;
/** How many spoken sentences the log keeps. */
const LOG_LENGTH = 400;

export interface Spoken {
  /** Real time (ms) it was said. */
  at: number;
  kind: Kind;
  urgency: Urgency;
  text: string;
}

/** Says sentences by the policy: `out` writes a live region, `now` is real time in ms. */
export class Speaker {
  readonly log: Spoken[] = [];

  constructor(private readonly out: (text: string, urgency: Urgency) => void, private readonly now: () => number) {}

  /** Says `text` as news of `kind`; false when it was not said (empty, or said within REPEAT_MS). */
  say(kind: Kind, text: string): boolean {
    const clean = text.trim();
    if (!clean) return false;
    const at = this.now();
    if (this.log.some((s) => s.text === clean && at - s.at < REPEAT_MS)) return false;
    const urgency = POLICY[kind];
    this.log.push({ at, kind, urgency, text: clean });
    if (this.log.length > LOG_LENGTH) this.log.splice(0, this.log.length - LOG_LENGTH);
    this.out(clean, urgency);
    return true;
  }
}
