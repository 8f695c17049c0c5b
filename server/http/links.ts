import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import { Router, type Request } from "express";

/**
 * Where students' phones can reach this server. A teacher following the README opens
 * http://localhost:2567, and a join link built from that address (as the page once did) means the
 * student's own phone. The server knows better: PUBLIC_URL when it is set (a proxy, a domain), the
 * address the teacher's browser used when that is not a loopback one, else this machine's own
 * network addresses at the port the teacher's browser used.
 */

/** The interfaces of the machine, as `os.networkInterfaces()` gives them (tests pass their own). */
export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface LanAddress {
  /** The interface's name (`wlan0`, `en0`, `Wi-Fi`). */
  name: string;
  address: string;
}

export interface JoinLinks {
  /** Scheme, host and port (and path, from PUBLIC_URL) a join link starts with; no trailing slash. */
  base: string;
  /**
   * Where `base` came from: PUBLIC_URL; the teacher's own address (not a loopback one); this
   * machine's network address; or only a loopback address (phones cannot use it).
   */
  from: "public_url" | "request" | "lan" | "loopback";
  /** Every address of this machine students might reach it at, best first, with `base`'s port. */
  others: string[];
  /** Rooms are reached at PUBLIC_ADDRESS, which is a loopback name: only this machine can join. */
  roomsLocal: boolean;
}

/** Bridges to containers and VMs, and VPN tunnels: addresses a classroom's phones do not reach. */
const UNLIKELY = /^(docker|br-|veth|virbr|vmnet|vboxnet|vethernet|zt|tun|tap|utun|wg|tailscale|lxc|lxd|cni|flannel|podman)/i;

function rank(a: LanAddress): number {
  const virtual = UNLIKELY.test(a.name) ? 10 : 0;
  if (a.address.startsWith("192.168.")) return virtual + 1;
  if (a.address.startsWith("10.")) return virtual + 2;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(a.address)) return virtual + 3;
  // A public or carrier-grade address: reachable perhaps, but not what a school's Wi-Fi hands out.
  return virtual + 4;
}

/**
 * This machine's IPv4 addresses other than loopback and link-local, the likeliest first: home and
 * school networks (192.168/16, then 10/8, then 172.16/12) before anything else, and container
 * bridges and VPN tunnels last. IPv6 is left out: nobody types an IPv6 address on a phone.
 */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): LanAddress[] {
  const out: LanAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== "IPv4" || info.internal || info.address.startsWith("169.254.") || info.address.startsWith("127.")) continue;
      out.push({ name, address: info.address });
    }
  }
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.address.localeCompare(b.address));
}

/** A loopback host: only the machine itself answers there. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h.startsWith("127.") || h === "::1" || h === "0.0.0.0" || h === "::";
}

/** Splits "host:port" (and "[v6]:port"); the port is "" when absent. */
export function splitHost(hostHeader: string): { host: string; port: string } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim());
  return m ? { host: m[1], port: m[2] ?? "" } : { host: hostHeader, port: "" };
}

/**
 * PUBLIC_URL: the address students open, when it is not this machine's own (behind a proxy, a
 * domain, HTTPS). Checked at start so a typo stops the server rather than printing wrong links.
 */
export function parsePublicUrl(raw: string | undefined): string | undefined {
  const value = (raw ?? "").trim();
  if (value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be a full address such as https://play.example.org, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`PUBLIC_URL must start with http:// or https://, got "${value}"`);
  if (url.search || url.hash) throw new Error(`PUBLIC_URL cannot have a query or a fragment, got "${value}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export interface LinkSources {
  publicUrl?: string;
  /** PUBLIC_ADDRESS of this process, in a cluster (where the rooms' WebSockets are reached). */
  publicAddress?: string;
  interfaces?: () => Interfaces;
}

/** The join link's base for a request from the teacher's browser (protocol and Host as Express reads them). */
export function joinLinks(protocol: string, hostHeader: string, sources: LinkSources): JoinLinks {
  const { host, port } = splitHost(hostHeader);
  const roomsLocal = sources.publicAddress !== undefined && isLoopback(splitHost(sources.publicAddress.split("/")[0]).host);
  const defaultPort = protocol === "https" ? "443" : "80";
  const withPort = (address: string) => `${protocol}://${address}${port && port !== defaultPort ? `:${port}` : ""}`;
  const others = lanAddresses(sources.interfaces?.() ?? networkInterfaces()).map((a) => withPort(a.address));
  if (sources.publicUrl) return { base: sources.publicUrl, from: "public_url", others, roomsLocal };
  if (!isLoopback(host)) return { base: `${protocol}://${hostHeader}`, from: "request", others, roomsLocal };
  if (others.length > 0) return { base: others[0], from: "lan", others, roomsLocal };
  return { base: `${protocol}://${hostHeader}`, from: "loopback", others, roomsLocal };
}

/** The address a request reached us at: X-Forwarded-Host only when TRUST_PROXY trusts who sent it. */
function requestHost(req: Request): string {
  const forwarded = req.app.get("trust proxy fn")(req.socket.remoteAddress ?? "", 0) ? req.get("x-forwarded-host") : undefined;
  return (forwarded?.split(",")[0].trim() || req.get("host") || "localhost").slice(0, 300);
}

/** `GET /api/links`: the join link's base for the page asking (see joinLinks). */
export function linkRoutes(sources: LinkSources): Router {
  const router = Router();
  router.get("/api/links", (req, res) => {
    res.json(joinLinks(req.protocol, requestHost(req), sources));
  });
  return router;
}

/** Lines for the console at start, as Vite prints them: where the teacher and the students go. */
export function startBanner(port: number, sources: LinkSources): string[] {
  const lines = [`  ➜  Local:   http://localhost:${port}/`];
  if (sources.publicUrl) lines.push(`  ➜  Public:  ${sources.publicUrl}/   (PUBLIC_URL: join links use this)`);
  const lan = lanAddresses(sources.interfaces?.() ?? networkInterfaces());
  lan.forEach((a, i) => lines.push(`  ➜  Network: http://${a.address}:${port}/   (${a.name}${i === 0 && !sources.publicUrl ? ", join links use this" : ""})`));
  if (lan.length === 0 && !sources.publicUrl) lines.push("  ➜  Network: none (connect this computer to the class's network for phones to join)");
  return lines;
}
