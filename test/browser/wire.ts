import type { Page } from "playwright-core";

/** A response as the browser received it: its size on the wire (headers and body as sent) and how it was encoded. */
export interface WireResponse {
  url: string;
  type: string;
  bytes: number;
  encoding: string;
  cacheControl: string;
}

/** Types a server should compress (text): HTML, JavaScript, CSS, JSON, SVG. */
const COMPRESSIBLE = /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/json|image\/svg\+xml)/;

/**
 * Counts what one page receives over HTTP, through Chromium's DevTools protocol: each response's
 * `encodedDataLength` (the bytes that crossed the network, headers included, after compression), its
 * Content-Encoding and Cache-Control. WebSocket frames are not page weight and are left out.
 */
export class WireMeter {
  readonly responses: WireResponse[] = [];
  private readonly pending = new Map<string, Omit<WireResponse, "bytes">>();

  static async attach(page: Page): Promise<WireMeter> {
    const meter = new WireMeter();
    const cdp = await page.context().newCDPSession(page);
    cdp.on("Network.responseReceived", (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      meter.pending.set(e.requestId, {
        url: e.response.url, type: (headers["content-type"] ?? "").split(";")[0],
        encoding: headers["content-encoding"] ?? "", cacheControl: headers["cache-control"] ?? "",
      });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = meter.pending.get(e.requestId);
      if (!r) return;
      meter.pending.delete(e.requestId);
      if (r.url.startsWith("data:")) return;
      meter.responses.push({ ...r, bytes: e.encodedDataLength });
    });
    await cdp.send("Network.enable");
    return meter;
  }

  /** Kilobytes (1,000 bytes) received so far. */
  get kb(): number {
    return this.responses.reduce((s, r) => s + r.bytes, 0) / 1000;
  }

  /** Text responses larger than 1 kB that came without compression (each "url type bytes"). */
  uncompressed(): string[] {
    return this.responses.filter((r) => COMPRESSIBLE.test(r.type) && r.encoding === "" && r.bytes > 1500)
      .map((r) => `${new URL(r.url).pathname} ${r.type} ${r.bytes}`);
  }

  /** One line per response, largest first (for a failing budget's message). */
  report(): string {
    return [...this.responses].sort((a, b) => b.bytes - a.bytes)
      .map((r) => `${(r.bytes / 1000).toFixed(1)} kB ${r.encoding || "identity"} ${new URL(r.url).pathname}`).join("\n");
  }
}
