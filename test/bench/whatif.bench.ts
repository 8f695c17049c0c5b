/**
 * The debrief and the what-if in headless Chromium, on an 8-team, 360-minute exam morning played by
 * bots, uploaded to the replay viewer. Prints one JSON object:
 * - debriefMs: building the whole debrief (every team's cards, the class) in the page;
 * - whatIfReplayMs: a what-if from the replay viewer (the match at the handover from its snapshots);
 * - whatIfReportMs: a what-if from the round's report alone (replaying every team to the handover),
 *   as a student's debrief computes it.
 * Each what-if is a distinct team, strategy and minute (nothing cached). Goals: debrief < 200 ms,
 * what-if < 1 s.
 *   npm run build:test && npm run bench:whatif
 */
import type { Page } from "playwright-core";
import { withReplay } from "./replayPage";
import { percentile } from "./stats";

const PORT = 2723;
const EIGHT = ["containers-reactive", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "vm-consolidate", "containers-autoscale", "one-app-per-server", "idle"];

const lastMs = (page: Page, key: string) => page.evaluate((k) => (window as unknown as { __spikeday: Record<string, number> }).__spikeday[k], key);

async function waitResult(page: Page, team: number, before: number): Promise<number> {
  await page.waitForFunction(([t, b]) => {
    const w = window as unknown as { __spikeday?: { lastWhatIfMs?: number; whatIfRuns?: number } };
    return (w.__spikeday?.whatIfRuns ?? 0) > (b as number) && document.querySelector(`[data-testid=whatif-result-${t}] [data-testid=card-what-if]`) !== null;
  }, [team, before], { timeout: 30_000 });
  return lastMs(page, "lastWhatIfMs");
}

async function main(): Promise<void> {
  await withReplay(PORT, EIGHT, async (page) => {
    const runs = () => page.evaluate(() => (window as unknown as { __spikeday?: { whatIfRuns?: number } }).__spikeday?.whatIfRuns ?? 0);

    const replayTimes: number[] = [];
    const minutes = ["07:00", "09:30", "10:00"];
    for (let team = 0; team < EIGHT.length; team++) {
      let n = await runs();
      // Choosing a team opens its what-if; the first team is chosen already, so its button opens it.
      if (team === 0) await page.getByTestId("replay-whatif").click();
      else await page.getByTestId("replay-whatif-team").selectOption(String(team));
      replayTimes.push(await waitResult(page, team, n));
      for (const label of minutes) {
        n = await runs();
        await page.getByTestId(`whatif-from-${team}`).selectOption({ label });
        await page.getByTestId(`whatif-bot-${team}`).selectOption("vm-preprovision");
        await page.getByTestId(`whatif-run-${team}`).click();
        replayTimes.push(await waitResult(page, team, n));
      }
    }

    const debriefTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => { (window as unknown as { __spikeday: Record<string, number> }).__spikeday.lastDebriefMs = -1; });
      await page.getByTestId("replay-debrief").click();
      await page.waitForFunction(() => (window as unknown as { __spikeday: Record<string, number> }).__spikeday.lastDebriefMs >= 0);
      debriefTimes.push(await lastMs(page, "lastDebriefMs"));
    }

    const reportTimes: number[] = [];
    for (let team = 0; team < EIGHT.length; team++) {
      await page.getByTestId(`debrief-other-${team}`).last().locator("summary").click();
      // A what-if the replay part did not compute (nothing cached): the report's inputs alone.
      const panel = page.getByTestId(`debrief-other-${team}`).last();
      const n = await runs();
      await panel.getByTestId(`whatif-from-${team}`).selectOption({ label: "10:30" });
      await panel.getByTestId(`whatif-bot-${team}`).selectOption("containers-autoscale");
      await panel.getByTestId(`whatif-run-${team}`).click();
      reportTimes.push(await waitResult(page, team, n));
    }
    const s = (xs: number[]) => ({ p50: Number(percentile(xs, 50).toFixed(1)), p95: Number(percentile(xs, 95).toFixed(1)), max: Number(Math.max(...xs).toFixed(1)), n: xs.length });
    console.log(JSON.stringify({
      name: "browser-debrief-whatif-8-teams-360-ticks", debriefMs: s(debriefTimes), whatIfReplayMs: s(replayTimes), whatIfReportMs: s(reportTimes),
      goals: { debriefMs: 200, whatIfMs: 1000 },
    }));
  });
  process.exit(0);
}

void main();
