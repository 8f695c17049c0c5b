import * as Phaser from "phaser";
import { BACKGROUND } from "./palette";

/**
 * WebGL when the browser has a real GPU; plain canvas when its WebGL is a software rasterizer
 * (SwiftShader, llvmpipe), where compositing a WebGL canvas every frame costs more than drawing
 * one baked image in 2D. `?renderer=webgl|canvas` overrides, for measuring.
 */
export function rendererType(search: string): number {
  const forced = new URLSearchParams(search).get("renderer");
  if (forced === "canvas") return Phaser.CANVAS;
  if (forced === "webgl") return Phaser.WEBGL;
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    const name = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    if (!gl || /swiftshader|llvmpipe|software/i.test(name)) return Phaser.CANVAS;
  } catch {
    return Phaser.CANVAS;
  }
  return Phaser.WEBGL;
}

/** A Phaser game drawing `scene` into `parent`, sized by it. */
export function sceneGame(parent: HTMLElement, scene: Phaser.Scene, type: number = Phaser.CANVAS): Phaser.Game {
  return new Phaser.Game({
    type, parent, backgroundColor: BACKGROUND, banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: "100%", height: "100%" },
    render: { antialias: true }, scene,
    // The page keeps its wheel and touch scrolling and pinch-zoom: the racks ask for the wheel only
    // while they can scroll (ui/play/racks.ts), and never swallow a touch.
    input: { mouse: { preventDefaultWheel: false }, touch: { capture: false } },
  });
}
