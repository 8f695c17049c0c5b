/** A note: frequency (Hz), start offset and length (s). */
type Note = [number, number, number];

/** Short tones, made on the spot (no audio files to load): gentle enough for a classroom. */
const CUES: Record<"tick" | "go" | "spike" | "incident" | "stop", Note[]> = {
  tick: [[660, 0, 0.12]],
  go: [[880, 0, 0.35]],
  spike: [[440, 0, 0.18], [660, 0.2, 0.18], [880, 0.4, 0.3]],
  incident: [[330, 0, 0.25], [247, 0.28, 0.35]],
  stop: [[523, 0, 0.2], [392, 0.22, 0.3]],
};
export type Cue = keyof typeof CUES;

/**
 * The projector's sound: off each time the page opens, until the teacher turns it on (a browser
 * only plays sound after a click on the page anyway). Every cue has a visible counterpart on
 * screen; sound only adds to it.
 */
export class Sound {
  private ctx: AudioContext | null = null;
  on = false;

  toggle(): boolean {
    this.on = !this.on;
    if (this.on) this.play("tick");
    return this.on;
  }

  play(cue: Cue): void {
    if (!this.on) return;
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    this.ctx ??= new Ctx();
    const ctx = this.ctx;
    if (ctx.state === "suspended") void ctx.resume();
    const now = ctx.currentTime;
    for (const [freq, at, len] of CUES[cue]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + at);
      gain.gain.exponentialRampToValueAtTime(0.25, now + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + at + len);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + at);
      osc.stop(now + at + len + 0.05);
    }
  }

  close(): void {
    void this.ctx?.close();
    this.ctx = null;
  }
}
