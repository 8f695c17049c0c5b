/**
 * The racks' colours, apart from the scene so their contrast can be checked without a canvas
 * (test/client/palette.test.ts holds every label to WCAG AA, 4.5:1, whatever is drawn behind it).
 * Fills and lines are 0xRRGGBB, as Phaser takes them.
 */
export const COLORS = {
  frame: 0x263040, frameLine: 0x8aa0b8, failed: 0xd55e00, bar: 0x11161c, overhead: 0x6b7785, vm: 0x33404f, vmLine: 0xc8d3df,
  select: 0xf0e442, ok: 0x009e73, bad: 0xd55e00, down: 0x4a4f57,
};

/** The canvas behind everything (renderer.ts). */
export const BACKGROUND = "#1b2129";

/**
 * Label colours. A server's header is written on its frame (COLORS.frame; at 45 % over the
 * background while the server is on its way); every label inside a box sits on its own opaque
 * plate, so the load filling the box behind it, whatever the app's colour, cannot wash it out.
 */
export const LABEL = {
  header: "#e8eef5",
  headerFailed: "#ffb38a",
  onPlate: "#f4f7fb",
  plate: "#11161c",
  empty: "#e8eef5",
};

/** How opaque a server's frame is drawn while the server is on its way. */
export const DELIVERING_ALPHA = 0.45;
