/** What the browser remembers between visits: language, nickname, and per-room seats and secrets. */
const PREFIX = "spikeday.";

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the session still works, it just cannot be resumed.
  }
}

export interface SeatMemory {
  code: string;
  nickname: string;
  seatToken: string;
  reconnectionToken: string;
  role: "host" | "student";
}

/** A random id for this browser (one browser holds one student seat per session). */
function newDeviceId(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export const memory = {
  /** This browser's id, made on first use and kept (a private window gets its own). */
  device: (): string => {
    const known = read<string>("device");
    if (known && /^[A-Za-z0-9_-]{16,64}$/.test(known)) return known;
    const id = newDeviceId();
    write("device", id);
    return id;
  },
  lang: () => read<string>("lang"),
  setLang: (lang: string) => write("lang", lang),
  nickname: () => read<string>("nickname") ?? "",
  setNickname: (n: string) => write("nickname", n),
  hostSecret: (code: string) => read<string>(`host.${code}`),
  setHostSecret: (code: string, secret: string) => write(`host.${code}`, secret),
  /** Codes of the sessions this browser created (it holds their host secrets). */
  hostCodes: (): string[] => {
    const out: string[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i) ?? "";
        if (k.startsWith(`${PREFIX}host.`)) out.push(k.slice(PREFIX.length + 5));
      }
    } catch { /* no storage */ }
    return out.sort();
  },
  forgetHost: (code: string) => write(`host.${code}`, null),
  seat: (code: string) => read<SeatMemory>(`seat.${code}`),
  setSeat: (s: SeatMemory) => write(`seat.${s.code}`, s),
  forgetSeat: (code: string) => write(`seat.${code}`, null),
  /** The address the teacher picked for join links (a machine on several networks); null: the server's choice. */
  joinBase: () => read<string>("joinBase"),
  setJoinBase: (base: string | null) => write("joinBase", base),
  lastRoom: () => read<{ code: string; role: "host" | "student" }>("last"),
  setLastRoom: (v: { code: string; role: "host" | "student" } | null) => write("last", v),
};
