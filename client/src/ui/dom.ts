/** A tiny hyperscript: enough DOM building for panels without a framework. */
export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown> & { class?: string; testid?: string; text?: string };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = String(v);
    else if (k === "testid") el.dataset.testid = String(v);
    else if (k === "text") el.textContent = String(v);
    else if (k === "style" && typeof v === "object") {
      for (const [prop, val] of Object.entries(v as Record<string, string>)) {
        if (prop.startsWith("--")) el.style.setProperty(prop, val);
        else (el.style as unknown as Record<string, string>)[prop] = val;
      }
    }
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k in el && typeof v !== "string") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/**
 * Puts `children` in `el` unless it already shows exactly that: a panel redrawn every tick keeps
 * its nodes (and the focus on its buttons, and screen readers' calm) while nothing in it changed.
 * Returns whether anything was replaced.
 */
export function replace(el: Element, ...children: Child[]): boolean {
  const next = document.createElement(el.tagName);
  append(next, children);
  if (next.innerHTML === el.innerHTML) return false;
  el.replaceChildren(...next.childNodes);
  return true;
}

/** Runs `f` at most once per animation frame, however often it is asked. */
export function throttleFrame(f: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      f();
    });
  };
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const o = h("option", { value, text: label });
  o.selected = selected;
  return o;
}
