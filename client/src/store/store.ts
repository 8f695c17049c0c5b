/**
 * A small store: one immutable state object, replaced (never mutated) on each change, and
 * listeners told about the new and the old state. Screens watch a selector and re-render only when
 * what it selects changed.
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

  /**
   * Calls `onChange` whenever `selector`'s result changes (by `equals`, identity unless told), and
   * once now with the current value.
   */
  watch<T>(selector: (s: S) => T, onChange: (value: T, prev: T | undefined) => void, equals: (a: T, b: T) => boolean = Object.is): () => void {
    let last = selector(this.state);
    onChange(last, undefined);
    return this.subscribe((s) => {
      const next = selector(s);
      if (equals(next, last)) return;
      const prev = last;
      last = next;
      onChange(next, prev);
    });
  }
}

/**
 * A selector that recomputes only when its inputs change (by identity): derived values keep their
 * identity between unrelated updates, so watchers of them stay quiet.
 */
export function memo<S, I extends readonly unknown[], T>(inputs: (s: S) => I, combine: (...args: I) => T): (s: S) => T {
  let lastInputs: I | null = null;
  let lastValue: T;
  return (s: S) => {
    const next = inputs(s);
    if (lastInputs && next.length === lastInputs.length && next.every((v, i) => Object.is(v, lastInputs![i]))) return lastValue;
    lastInputs = next;
    lastValue = combine(...next);
    return lastValue;
  };
}

/** Equality of two arrays by their elements' identity (for selectors that return a fresh list). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
