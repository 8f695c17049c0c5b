import type { Curve, SpikeSpec } from "./types";

/** Linear interpolation between integer points; integer result. */
export function curveAt(curve: Curve | undefined, tick: number): number {
  if (!curve || curve.length === 0) return 0;
  if (tick <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [t1, v1] = curve[i];
    if (tick <= t1) {
      const [t0, v0] = curve[i - 1];
      return v0 + Math.trunc(((v1 - v0) * (tick - t0)) / (t1 - t0));
    }
  }
  return curve[curve.length - 1][1];
}

/** Spike shape in permille of the peak at a tick, for a spike starting at `start`. */
export function spikePermille(spike: SpikeSpec, start: number, tick: number): number {
  const dt = tick - start;
  if (dt < 0) return 0;
  if (dt < spike.ramp) return Math.trunc((1000 * (dt + 1)) / spike.ramp);
  if (dt < spike.ramp + spike.hold) return 1000;
  const intoDecay = dt - spike.ramp - spike.hold;
  const tail = spike.tailPct * 10;
  if (intoDecay >= spike.decay) return tail;
  return 1000 - Math.trunc(((1000 - tail) * intoDecay) / spike.decay);
}

/** Last tick of the spike's peak phase plus decay: the window where drops cost more. */
export function spikeEnd(spike: SpikeSpec, start: number): number {
  return start + spike.ramp + spike.hold + spike.decay;
}
