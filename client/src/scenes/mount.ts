/**
 * The element to give Phaser as its parent, filling `frame`. Phaser's RESIZE mode writes
 * height: 100% on its parent; on the laid-out box itself that replaced the page's sizing, and in
 * an auto-height column the canvas then fed its own height back (it grew every redraw). Out of the
 * flow, the inner box takes `frame`'s size and gives none back.
 */
export function phaserParent(frame: HTMLElement): HTMLElement {
  frame.style.position = "relative";
  const inner = document.createElement("div");
  inner.style.position = "absolute";
  inner.style.inset = "0";
  frame.append(inner);
  return inner;
}
