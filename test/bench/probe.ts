/**
 * Loaded into the server process by the soak benchmark (`node --import tsx --import ./probe.ts`):
 * reports every garbage-collection pause and, every few seconds, memory and event-loop delay, over
 * the IPC channel the benchmark opened. Times are epoch milliseconds, so the benchmark can tell
 * which of its requests were waiting while the server collected garbage.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { constants } from "node:perf_hooks";

const send = (m: unknown) => process.send?.(m);
const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

if (process.send) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      send({ gc: { at: performance.timeOrigin + e.startTime, ms: e.duration, kind: KINDS[kind] ?? String(kind) } });
    }
  }).observe({ entryTypes: ["gc"] });

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  setInterval(() => {
    const m = process.memoryUsage();
    send({
      mem: {
        at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers,
        loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6,
      },
    });
    loop.reset();
  }, 5000).unref();
}
