import { performance } from "node:perf_hooks";
import { advance, isOver } from "../shared/engine";
import { buildLarge } from "./large";
for (let r = 0; r < 3; r++) {
  const s = buildLarge(8);
  for (let i = 0; i < 60; i++) advance(s);
  while (!isOver(s)) { const t0 = performance.now(); advance(s); const ms = performance.now() - t0; if (ms > 0.8 && r === 2) console.log(`SLOW tick ${s.tick} ${ms.toFixed(2)}`); }
}
