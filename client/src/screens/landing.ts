import { landing } from "../ui/landing";
import type { Screen, ScreenContext } from "./screen";

/** The landing page (also /join/CODE, with the code filled in). */
export function landingScreen(ctx: ScreenContext): Screen {
  return {
    mount(root) {
      const s = ctx.store.get();
      const code = s.route.name === "landing" ? s.route.code : "";
      const { flows } = ctx;
      landing(root, code, {
        join: (c, nickname) => flows.join(c, nickname),
        host: () => flows.host(),
        practice: (nickname) => flows.practice(nickname),
        resume: (c, role) => ctx.navigate(role === "host" ? `/host/${c}` : `/play/${c}`),
      }, s.joinError ?? "");
      // Said once: coming back to this page later starts clean.
      if (s.joinError) ctx.store.update({ joinError: null });
    },
    update: () => {},
    destroy: () => {},
  };
}
