/**
 * A student with no class: practice against bots from a phone, with no teacher to start anything.
 * Screenshots land in test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import { desktop, phone, shot } from "./browser";
import { serveClient } from "./serve";
import { boxPoint, send, sidewaysOverflow, waitMinutes } from "./steps";

const env = serveClient();

describe("practice against bots", () => {
  it("picks a round, starts it and the clock, plays and gets a debrief against the bots", async () => {
    const { page } = await phone(env.browser, "en");
    await page.goto(env.base);
    await page.getByTestId("join-nickname").fill("Solo");
    await page.getByTestId("practice-new").tap();
    await page.getByTestId("practice-setup").waitFor();
    await expect.poll(() => page.getByTestId("lobby-teams").textContent()).toMatch(/Solo \(you\).*containers-reactive/);
    expect(await page.getByTestId("status").textContent()).not.toMatch(/\$/);
    await shot(page, "practice-lobby-phone", true);

    await page.getByTestId("practice-speed").selectOption("4");
    await page.getByTestId("practice-preset3").tap();
    await page.getByTestId("briefing-view").waitFor();
    await expect.poll(() => page.getByTestId("forecast-lines").textContent()).toMatch(/rush starts between 09:40 and 10:10/);
    // Round 3's rivals: the strategies its lesson compares.
    expect(await page.getByTestId("briefing-view").textContent()).toMatch(/containers-reactive.*vm-preprovision.*bare-metal/);
    await page.getByTestId("practice-go").tap();
    await page.getByTestId("play-view").waitFor();

    const canvasHeight = async () => (await page.getByTestId("datacenter-canvas").boundingBox())!.height;
    const startHeight = await canvasHeight();

    await send(page, "installLayer", { server: "s1", layer: "container-host" });
    await send(page, "deploy", { target: "s1", app: "web" });
    await expect.poll(() => page.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Solo deployed Portal on s1/);
    await expect.poll(async () => Number((await page.getByTestId("kpi-served").textContent())!.replace(/\D/g, "")), { timeout: 10_000 }).toBeGreaterThan(0);
    // The racks swallow touches (they are a drag target), so on a phone they must keep leaving room
    // to scroll: they once grew a few pixels with every redraw.
    await waitMinutes(page, 3);
    expect(await canvasHeight()).toBe(startHeight);
    expect(startHeight).toBeLessThanOrEqual(0.6 * 844);
    await shot(page, "practice-play-phone", true);

    await page.getByTestId("bar-endround").tap();
    await page.getByTestId("confirm-endround-yes").tap();
    await page.getByTestId("debrief-view").waitFor();
    await expect.poll(() => page.getByTestId("debrief-team-0").textContent()).toMatch(/Availability \d+\.\d%/);
    // The bots played too: their rounds are in the class comparison, apart from the player's.
    for (const team of [1, 2, 3]) expect(await page.getByTestId(`class-row-${team}`).textContent()).toMatch(/\$[\d,]+/);
    await shot(page, "practice-debrief-phone", true);
    expect(await sidewaysOverflow(page)).toBe(0);

    // The next round is one tap away, with the same bots.
    await page.getByTestId("practice-preset4").tap();
    await page.getByTestId("briefing-view").waitFor();
    expect(await page.getByTestId("briefing-view").locator("h1").textContent()).toMatch(/Double-12/);
    await page.getByTestId("practice-go").tap();
    await page.getByTestId("play-view").waitFor();
    await expect.poll(() => page.getByTestId("phase").textContent()).toBe("Playing");
  });

  it("keeps the racks the same size on a small laptop screen while the round runs", async () => {
    const { page } = await desktop(env.browser, "en");
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(env.base);
    await page.getByTestId("join-nickname").fill("Lap");
    await page.getByTestId("practice-new").click();
    await page.getByTestId("practice-preset1").click();
    await page.getByTestId("practice-go").click();
    await page.getByTestId("play-view").waitFor();
    const height = async () => (await page.getByTestId("datacenter-canvas").boundingBox())!.height;
    const first = await height();
    await waitMinutes(page, 3);
    expect(await height()).toBe(first);
    expect(first).toBeLessThanOrEqual(768);
  });

  it("moves a VM to another type-1 host by dragging it on the racks", async () => {
    const { page } = await desktop(env.browser, "en");
    await page.goto(env.base);
    await page.getByTestId("join-nickname").fill("Vic");
    await page.getByTestId("practice-new").click();
    await page.getByTestId("practice-speed").selectOption("4");
    await page.getByTestId("practice-preset3").click();
    await page.getByTestId("practice-go").click();
    await page.getByTestId("play-view").waitFor();
    const feed = () => page.getByTestId("team-feed").textContent();

    await send(page, "installLayer", { server: "s1", layer: "type1" });
    await send(page, "installLayer", { server: "s2", layer: "type1" });
    await expect.poll(feed, { timeout: 20_000 }).toMatch(/Type-1 hypervisor ready on s2/);
    await send(page, "createVm", { server: "s1" });
    await expect.poll(feed, { timeout: 10_000 }).toMatch(/VM v\d+ booted/);
    const vms = await page.evaluate(() => (window as unknown as { __spikeday: { vms(): { id: string; server: string }[] } }).__spikeday.vms());
    expect(vms).toHaveLength(1);
    const vm = vms[0];
    expect(vm.server).toBe("s1");

    const from = await boxPoint(page, vm.id);
    const to = await boxPoint(page, "s2");
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 15 });
    await expect.poll(async () => page.getByTestId("drag-ghost").getAttribute("class")).toMatch(/^drag-ghost ok/);
    await page.mouse.up();
    await expect.poll(feed, { timeout: 10_000 }).toMatch(new RegExp(`Vic started moving ${vm.id} to s2`));
    await expect.poll(feed, { timeout: 20_000 }).toMatch(new RegExp(`VM ${vm.id} now runs on s2`));
  });
});
