import type { ResultMessage, WireError } from "../../../shared/protocol/messages";

export const CONNECTION_FAILED: WireError = { code: "connection_failed", params: {} };

/**
 * Request/reply matching: every request carries an id, and the server's `result` (or an `error`
 * naming that id) settles it. A dropped connection settles everything still open as failed, so no
 * caller waits forever.
 */
export class PendingRequests {
  private nextId = 1;
  private readonly open = new Map<number, (r: ResultMessage) => void>();

  /** A fresh id and the promise its reply will settle. */
  start(): { id: number; reply: Promise<ResultMessage> } {
    const id = this.nextId++;
    const reply = new Promise<ResultMessage>((resolve) => this.open.set(id, resolve));
    return { id, reply };
  }

  /** Settles the request a reply answers; false when no such request is open. */
  settle(reply: ResultMessage): boolean {
    const done = this.open.get(reply.id);
    if (!done) return false;
    this.open.delete(reply.id);
    done(reply);
    return true;
  }

  /** An error the server sent about request `id` settles it as refused. */
  refuse(id: number | undefined, error: WireError): boolean {
    return id !== undefined && this.settle({ id, ok: false, error });
  }

  /** Fails every open request (the connection is gone). */
  failAll(error: WireError = CONNECTION_FAILED): void {
    const all = [...this.open];
    this.open.clear();
    for (const [id, done] of all) done({ id, ok: false, error });
  }

  get size(): number {
    return this.open.size;
  }
}
