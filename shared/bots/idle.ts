import type { Bot } from "./helpers";

/** Does nothing: the baseline every strategy must beat. */
export class IdleBot implements Bot {
  readonly name = "idle";
  play(): void {}
}
