/** Addresses a teacher bookmarks or a student is sent, and how navigation moves between them. */
import { describe, expect, it } from "vitest";
import { parseRoute, pathOf, Router, type AddressBar, type Route } from "../../client/src/router";

function fakeBar(start: string): AddressBar & { entries: string[]; pop(url: string): void } {
  let pop = () => {};
  const entries = [start];
  const split = (url: string) => ({ path: url.split("?")[0], search: url.includes("?") ? `?${url.split("?")[1]}` : "" });
  return {
    entries,
    current: () => split(entries[entries.length - 1]),
    push: (url) => entries.push(url),
    replace: (url) => { entries[entries.length - 1] = url; },
    onPop: (f) => { pop = f; },
    pop(url) {
      entries.push(url);
      pop();
    },
  };
}

describe("routes", () => {
  it("reads every kind of address", () => {
    expect(parseRoute("/")).toEqual({ name: "landing", code: "" });
    expect(parseRoute("/join/abc234")).toEqual({ name: "landing", code: "ABC234" });
    expect(parseRoute("/play/ABC234/")).toEqual({ name: "play", code: "ABC234" });
    expect(parseRoute("/host/ABC234")).toEqual({ name: "host", code: "ABC234" });
    expect(parseRoute("/sessions")).toEqual({ name: "sessions" });
    expect(parseRoute("/replay")).toEqual({ name: "replay", round: "", share: undefined, session: undefined });
    expect(parseRoute("/replay/r_12", "?share=s9&session=ABC234")).toEqual({ name: "replay", round: "r_12", share: "s9", session: "ABC234" });
    expect(parseRoute("/nowhere/at/all")).toEqual({ name: "landing", code: "" });
  });

  it("writes each route back as the address it was read from", () => {
    const routes: Route[] = [
      { name: "landing", code: "" }, { name: "landing", code: "ABC234" }, { name: "play", code: "ABC234" }, { name: "host", code: "ABC234" },
      { name: "sessions" }, { name: "replay", round: "r1", share: "s2" }, { name: "replay", round: "", share: undefined, session: undefined },
    ];
    for (const r of routes) {
      const path = pathOf(r);
      const [p, q] = path.split("?");
      expect(parseRoute(p, q ? `?${q}` : "")).toEqual({ ...r, ...(r.name === "replay" ? { share: r.share, session: r.session } : {}) });
    }
  });
});

describe("the router", () => {
  it("adds a history entry for a new address only, and announces the route", () => {
    const bar = fakeBar("/");
    const heard: Route[] = [];
    const router = new Router(bar, (r) => heard.push(r));
    router.navigate("/play/ABC234");
    router.navigate("/play/ABC234");
    expect(bar.entries).toEqual(["/", "/play/ABC234"]);
    expect(heard).toEqual([{ name: "play", code: "ABC234" }, { name: "play", code: "ABC234" }]);
  });

  it("redirects without a new entry (a refused seat lands back on the join page)", () => {
    const bar = fakeBar("/play/ABC234");
    const heard: Route[] = [];
    new Router(bar, (r) => heard.push(r)).redirect("/join/ABC234");
    expect(bar.entries).toEqual(["/join/ABC234"]);
    expect(heard).toEqual([{ name: "landing", code: "ABC234" }]);
  });

  it("follows the browser's back and forward buttons", () => {
    const bar = fakeBar("/sessions");
    const heard: Route[] = [];
    new Router(bar, (r) => heard.push(r));
    bar.pop("/replay/r7?session=ABC234");
    expect(heard).toEqual([{ name: "replay", round: "r7", share: undefined, session: "ABC234" }]);
  });
});
