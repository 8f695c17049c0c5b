/**
 * Replay seeking in headless Chromium: an 8-team, 360-tick match log is uploaded to the replay
 * viewer, then the timeline is moved to 60 random ticks; each seek (snapshot + re-simulation +
 * redraw of the projector) is timed in the page. Goal: under 100 ms. Prints one JSON object.
 *   npm run build:test && npm run bench:replay
 */
import { withReplay } from "./replayPage";
import { percentile } from "./stats";

const PORT = 2722;

async function main(): Promise<void> {
  const eight = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "containers-autoscale", "vm-preprovision", "bare-metal", "random"] as const;
  await withReplay(PORT, eight, async (page, log) => {
    const verifyMs = Number(/checked in (\d+) ms/.exec((await page.getByTestId("replay-view").textContent()) ?? "")?.[1] ?? -1);
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 60; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const tick = x % (log.final!.tick + 1);
      await page.getByTestId("replay-slider").fill(String(tick));
      times.push(await page.evaluate(() => (window as unknown as { __spikeday: { lastSeekMs: number } }).__spikeday.lastSeekMs));
    }
    console.log(JSON.stringify({
      name: "browser-replay-seek-8-teams", ticks: log.final!.tick, seeks: times.length, verifyMsInBrowser: verifyMs,
      seekMsP50: Number(percentile(times, 50).toFixed(1)), seekMsP95: Number(percentile(times, 95).toFixed(1)), seekMsMax: Number(Math.max(...times).toFixed(1)),
    }));
  });
  process.exit(0);
}

void main();
