/**
 * A small store: one immutable state object, replaced (never mutated) on each change, and
 * listeners told about the new and the old state. The screen machine listens and updates the
 * screen shown; each screen re-renders only the parts whose selected slice changed.
 */
export type Listener<S> = (state: S, prev: S) => void;

export class Store<S extends object> {
  private state: S;
  private readonly listeners = new Set<Listener<S>>();

  constructor(initial: S) {
    this.state = initial;
  }

  get(): S {
    return this.state;
  }

  /** Replaces the fields in `patch` (a function of the current state, or the fields themselves). */
  update(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    const prev = this.state;
    const fields = typeof patch === "function" ? patch(prev) : patch;
    let changed = false;
    for (const k of Object.keys(fields) as (keyof S)[]) if (!Object.is(fields[k], prev[k])) changed = true;
    if (!changed) return;
    this.state = { ...prev, ...fields };
    for (const l of [...this.listeners]) l(this.state, prev);
  }

  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
