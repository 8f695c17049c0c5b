/**
 * Addresses and what they show. Every screen has a URL a teacher can bookmark or a student can be
 * sent: /join/CODE, /play/CODE, /host/CODE, /projector/CODE, /replay/ROUND?share=…, /sessions.
 */
export type Route =
  | { name: "landing"; code: string }
  | { name: "play"; code: string }
  | { name: "host"; code: string }
  /** The class's view for the projector: the teacher's session, no controls. */
  | { name: "projector"; code: string }
  | { name: "replay"; round: string; share?: string; session?: string }
  | { name: "sessions" };

export function parseRoute(path: string, search = ""): Route {
  if (/^\/sessions\/?$/.test(path)) return { name: "sessions" };
  const q = new URLSearchParams(search);
  const replay = (round: string): Route => ({ name: "replay", round, share: q.get("share") ?? undefined, session: q.get("session") ?? undefined });
  if (/^\/replay\/?$/.test(path)) return replay("");
  const m = /^\/(join|play|host|projector|replay)\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (!m) return { name: "landing", code: "" };
  if (m[1] === "join") return { name: "landing", code: m[2].toUpperCase() };
  if (m[1] === "replay") return replay(m[2]);
  return { name: m[1] as "play" | "host" | "projector", code: m[2].toUpperCase() };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case "landing": return route.code ? `/join/${route.code}` : "/";
    case "play": return `/play/${route.code}`;
    case "host": return `/host/${route.code}`;
    case "projector": return `/projector/${route.code}`;
    case "sessions": return "/sessions";
    case "replay": {
      const q = new URLSearchParams();
      if (route.share) q.set("share", route.share);
      if (route.session) q.set("session", route.session);
      const query = q.toString();
      return `/replay${route.round ? `/${route.round}` : ""}${query ? `?${query}` : ""}`;
    }
  }
}

/** The browser's address bar as a source of routes (a fake one stands in for it in tests). */
export interface AddressBar {
  current(): { path: string; search: string };
  push(url: string): void;
  replace(url: string): void;
  onPop(f: () => void): void;
}

export function browserAddressBar(): AddressBar {
  return {
    current: () => ({ path: location.pathname, search: location.search }),
    push: (url) => history.pushState({}, "", url),
    replace: (url) => history.replaceState({}, "", url),
    onPop: (f) => window.addEventListener("popstate", f),
  };
}

/** Keeps the address bar and the current route in step; tells `onRoute` about every change. */
export class Router {
  constructor(private readonly bar: AddressBar, private readonly onRoute: (route: Route) => void) {
    bar.onPop(() => this.onRoute(this.current()));
  }

  current(): Route {
    const { path, search } = this.bar.current();
    return parseRoute(path, search);
  }

  /** Goes to `path` (a new history entry unless it is where we are) and announces the route. */
  navigate(path: string): void {
    const { path: now, search } = this.bar.current();
    if (now + search !== path) this.bar.push(path);
    this.onRoute(this.current());
  }

  /** Rewrites the address without a new history entry (a failed join lands back on /join/CODE). */
  redirect(path: string): void {
    this.bar.replace(path);
    this.onRoute(this.current());
  }
}
