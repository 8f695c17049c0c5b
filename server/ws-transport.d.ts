// @colyseus/ws-transport 0.16 ships typings its package "exports" map does not expose to
// "moduleResolution": "Bundler"; this declares the part we use.
declare module "@colyseus/ws-transport" {
  import type { Server as HttpServer } from "node:http";
  import { Transport } from "@colyseus/core";

  export interface TransportOptions {
    server?: HttpServer;
    maxPayload?: number;
    pingInterval?: number;
    pingMaxRetries?: number;
  }

  export class WebSocketTransport extends Transport {
    constructor(options?: TransportOptions);
    listen(port?: number, hostname?: string, backlog?: number, listeningListener?: () => void): this;
    shutdown(): void;
    simulateLatency(milliseconds: number): void;
  }
}
