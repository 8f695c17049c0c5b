/**
 * Servers, VMs and instances in words, from the same ServerView rows the racks draw: the canvas's
 * headers, the accessible datacenter list and the details panel all say the same thing. Units are
 * written out (cores, GiB); millicores never reach the reader.
 */
import { APPS, SERVER_MODELS, type AppId, type ModelId } from "../../../shared/engine/data";
import { clock, t } from "../i18n";
import type { InstanceView, ServerView, VmView } from "./types";

/** 2500 millicores → "2.5 cores" (whole numbers without a decimal). */
export function cores(milli: number): string {
  const n = milli / 1000;
  return t("play.cores", { n: Number.isInteger(n) ? n : n.toFixed(1) });
}

/** 3072 MiB → "3 GiB" (one decimal below 10 GiB when not whole). */
export function gib(mib: number): string {
  const n = mib / 1024;
  return `${Number.isInteger(n) || n >= 10 ? Math.round(n) : n.toFixed(1)} GiB`;
}

/** What is happening to a server now, or "" when it simply runs. */
export function serverStatus(s: ServerView, tick: number, startMinute: number): string {
  const at = (m: number) => clock(startMinute + m);
  if (tick < s.readyAt) return t("play.delivering", { time: at(s.readyAt) });
  if (s.failedUntil > tick) return t("play.down", { time: at(s.failedUntil) });
  if (s.failingAt > tick) return t("play.failingAt", { time: at(s.failingAt) });
  if (s.osDownUntil > tick) return t("play.osDown", { time: at(s.osDownUntil) });
  if (s.layer && tick < s.layerReadyAt) return t("play.installing", { time: at(s.layerReadyAt) });
  return "";
}

/** "s1 · Small 1U (rented) · Container host · arrives 08:30" — the rack header. */
export function serverHeader(s: ServerView, tick: number, startMinute: number): string {
  const status = serverStatus(s, tick, startMinute);
  const layer = s.layer ? t(`layer.${s.layer}`) : t("layer.none");
  return `${s.id} · ${t(`model.${s.model}`)}${s.rented ? ` (${t("play.rented")})` : ""} · ${layer}${status ? ` · ${status}` : ""}`;
}

export function vmStatus(v: VmView, tick: number, startMinute: number): string {
  const at = (m: number) => clock(startMinute + m);
  if (tick < v.readyAt) return `${t("play.booting")} → ${at(v.readyAt)}`;
  if (tick < v.downUntil) return t("play.down", { time: at(v.downUntil) });
  if (v.migrationTo) return t("play.migrating", { to: v.migrationTo });
  return t("a11y.running");
}

export function instanceStatus(i: InstanceView, server: ServerView, tick: number, startMinute: number): string {
  const at = (m: number) => clock(startMinute + m);
  if (tick < i.readyAt) return `${t(i.container ? "play.pulling" : "play.booting")} → ${at(i.readyAt)}`;
  if (tick < i.downUntil) return t("play.down", { time: at(i.downUntil) });
  if (server.failedUntil > tick) return t("play.down", { time: at(server.failedUntil) });
  return t("play.load", { pct: i.load });
}

/** "Portal · container · 2 cores, 2 GiB" — what an instance is and what it holds. */
export function instanceWhat(i: InstanceView): string {
  const limit = i.memLimited ? ` (${t("play.memLimited")})` : "";
  const volume = i.volume ? ` · ${t("play.volume")}` : "";
  return `${t(`app.${i.app}`)} · ${t(i.container ? "play.container" : "play.process")} · ${cores(i.cpu)}, ${gib(i.mem)}${limit}${volume}`;
}

export function vmWhat(v: VmView): string {
  return `${t(`os.${v.os}`)} VM · ${t(`mode.${v.mode}`)} · ${v.vcpus} vCPU, ${gib(v.mem)}${v.engine ? ` · ${t("play.containers")}` : ""}`;
}

/** A server's size in words: "8 cores, 32 GiB" (and its GPUs). */
export function serverSize(s: ServerView): string {
  const m = SERVER_MODELS[s.model as ModelId];
  return m ? `${cores(m.cpu)}, ${gib(m.mem)}${m.gpu ? `, ${m.gpu} GPU` : ""}` : "";
}

/** How busy a server's CPU is, in percent (what its instances use of what it has). */
export function serverLoad(s: ServerView): number {
  const cpu = SERVER_MODELS[s.model as ModelId]?.cpu ?? 0;
  return cpu > 0 ? Math.min(100, Math.round((s.busyCpu * 100) / cpu)) : 0;
}

/** The apps another app calls for each request it serves (Grades queries the database), as the engine has it. */
export function needs(app: string): AppId[] {
  return app in APPS ? (Object.keys(APPS[app as AppId].deps) as AppId[]) : [];
}
