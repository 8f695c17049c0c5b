// @colyseus/ws-transport 0.16 ships typings its package "exports" map does not expose to
// "moduleResolution": "Bundler"; this declares the part we use.
declare module "@colyseus/ws-transport" {
  import type { IncomingMessage, Server as HttpServer } from "node:http";
  import { Transport } from "@colyseus/core";

  export interface TransportOptions {
    server?: HttpServer;
    maxPayload?: number;
    pingInterval?: number;
    pingMaxRetries?: number;
    /** ws's hook, run on each upgrade request before the connection is accepted. */
    verifyClient?: (info: { req: IncomingMessage; origin: string; secure: boolean }) => boolean;
  }

  export class WebSocketTransport extends Transport {
    constructor(options?: TransportOptions);
    listen(port?: number, hostname?: string, backlog?: number, listeningListener?: () => void): this;
    shutdown(): void;
    simulateLatency(milliseconds: number): void;
  }
}
