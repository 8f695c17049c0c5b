/**
 * Issue 11, finding 1: phones could not reach the join link, built from the teacher's browser's
 * address (localhost when following the README). The server says where students reach it: its
 * LAN address at the port the teacher used, the teacher's own address when that is not a loopback
 * one, or PUBLIC_URL; the console lists every address at start, as Vite does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import type { NetworkInterfaceInfo } from "node:os";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinLinks, lanAddresses, parsePublicUrl, startBanner, type Interfaces } from "../../server/http/links";
import { freePort } from "../../server/cluster/daemons";
import { boot } from "./harness";

const nic = (address: string): NetworkInterfaceInfo => ({ address, family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "00:00:00:00:00:01", cidr: `${address}/24` });
const loopback: NetworkInterfaceInfo = { address: "127.0.0.1", family: "IPv4", internal: true, netmask: "255.0.0.0", mac: "00:00:00:00:00:00", cidr: "127.0.0.1/8" };
/** A teacher's laptop: Docker's bridge, a VPN, the school's Wi-Fi and an IPv6 address on it. */
const LAPTOP: Interfaces = {
  lo: [loopback],
  docker0: [nic("172.17.0.1")],
  wg0: [nic("10.8.0.2")],
  wlan0: [nic("192.168.31.23"), { ...nic("fe80::1"), family: "IPv6", scopeid: 3 }],
};

let lan: Awaited<ReturnType<typeof boot>>;
let proxied: Awaited<ReturnType<typeof boot>>;
let alone: Awaited<ReturnType<typeof boot>>;

beforeAll(async () => {
  lan = await boot(undefined, { interfaces: () => LAPTOP });
  proxied = await boot(undefined, { interfaces: () => LAPTOP, publicUrl: "https://spike.school.example/" });
  alone = await boot(undefined, { interfaces: () => ({ lo: [loopback] }) });
});

afterAll(async () => {
  await Promise.all([lan?.close(), proxied?.close(), alone?.close()]);
});

/** GET /api/links as a browser at `host` would ask (fetch cannot set Host). */
function links(port: number, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/links", headers: { host, ...headers } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => { text += d.toString(); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("where students reach the server", () => {
  it("a teacher on localhost gets the school network's address, at the port they used", async () => {
    const PORT = lan.port;
    const r = await links(PORT, `localhost:${PORT}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      base: `http://192.168.31.23:${PORT}`, from: "lan", roomsLocal: false,
      others: [`http://192.168.31.23:${PORT}`, `http://10.8.0.2:${PORT}`, `http://172.17.0.1:${PORT}`],
    });
    expect((await links(PORT, `127.0.0.1:${PORT}`)).body.base).toBe(`http://192.168.31.23:${PORT}`);
    // Behind a proxy on this machine at port 80, the LAN address takes the proxy's port (none).
    expect((await links(PORT, "localhost")).body.base).toBe("http://192.168.31.23");
  });

  it("a teacher already on a reachable address keeps it", async () => {
    const PORT = lan.port;
    expect((await links(PORT, `192.168.31.23:${PORT}`)).body).toMatchObject({ base: `http://192.168.31.23:${PORT}`, from: "request" });
    expect((await links(PORT, "spikeday.local:8080")).body).toMatchObject({ base: "http://spikeday.local:8080", from: "request" });
    // A forwarded host is believed only from a trusted proxy (none here).
    expect((await links(PORT, `localhost:${PORT}`, { "x-forwarded-host": "evil.example" })).body.base).toBe(`http://192.168.31.23:${PORT}`);
  });

  it("PUBLIC_URL wins, whatever address the teacher used", async () => {
    expect((await links(proxied.port, `localhost:${proxied.port}`)).body).toMatchObject({ base: "https://spike.school.example", from: "public_url" });
    expect((await links(proxied.port, "10.8.0.2")).body.base).toBe("https://spike.school.example");
  });

  it("a machine on no network says so rather than offering a link phones cannot open", async () => {
    expect((await links(alone.port, `localhost:${alone.port}`)).body).toEqual({ base: `http://localhost:${alone.port}`, from: "loopback", others: [], roomsLocal: false });
  });

  it("rooms reached at a loopback PUBLIC_ADDRESS (a cluster) are flagged: phones could load the page but not join", () => {
    expect(joinLinks("http", "localhost:8080", { publicAddress: "localhost:8080/p1", interfaces: () => LAPTOP })).toMatchObject({ from: "lan", roomsLocal: true });
    expect(joinLinks("http", "localhost:8080", { publicAddress: "192.168.31.23:8080/p1", interfaces: () => LAPTOP }).roomsLocal).toBe(false);
  });
});

describe("PUBLIC_URL and the console", () => {
  it("PUBLIC_URL is checked: a full http(s) address, path kept, trailing slash dropped", () => {
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(parsePublicUrl(" https://play.example.org/spike/ ")).toBe("https://play.example.org/spike");
    expect(() => parsePublicUrl("play.example.org")).toThrow(/full address/);
    expect(() => parsePublicUrl("ftp://play.example.org")).toThrow(/http/);
  });

  it("lists LAN addresses best first, IPv4 only, no loopback or link-local", () => {
    expect(lanAddresses({ ...LAPTOP, eth1: [nic("169.254.3.4")] }).map((a) => a.address)).toEqual(["192.168.31.23", "10.8.0.2", "172.17.0.1"]);
    expect(startBanner(2567, { interfaces: () => LAPTOP })).toEqual([
      "  ➜  Local:   http://localhost:2567/",
      "  ➜  Network: http://192.168.31.23:2567/   (wlan0, join links use this)",
      "  ➜  Network: http://10.8.0.2:2567/   (wg0)",
      "  ➜  Network: http://172.17.0.1:2567/   (docker0)",
    ]);
  });

  it("npm start's server prints where it is reached, and a bad PUBLIC_URL stops it", async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), "spikeday-links-"));
    const port = await freePort();
    const run = (env: Record<string, string>) => new Promise<{ out: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        env: { ...process.env, PORT: String(port), DATA_DIR: dir, ...env }, stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes("➜  Local:")) child.kill("SIGTERM");
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => resolve({ out, code }));
    });
    const ok = await run({ PUBLIC_URL: "https://spike.school.example" });
    expect(ok.out).toContain(`➜  Local:   http://localhost:${port}/`);
    expect(ok.out).toContain("➜  Public:  https://spike.school.example/");
    const bad = await run({ PUBLIC_URL: "spike.school.example" });
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/PUBLIC_URL must be a full address/);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
