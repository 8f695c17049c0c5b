import "./styles.css";
import { App, roomOf } from "./app/app";
import type { JoinFlows } from "./app/flows";
import type { Net } from "./app/net";
import { PLAYER_NEXT } from "./app/screens";
import { initI18n, lang, onLangChange } from "./i18n";
import { createApi } from "./net/api";
import type { RoomIntents } from "./net/types";
import { browserAddressBar, Router } from "./router";
import { initialState, type AppState } from "./store/state";
import { Store } from "./store/store";

/**
 * Wires the client together: i18n, the store, the router, the screen machine; the network (and
 * colyseus.js) comes in its own chunk, fetched as soon as the first screen is drawn.
 */
await initI18n();
const http = `${location.protocol}//${location.host}`;
const ws = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
const bar = browserAddressBar();
let netPromise: Promise<Net> | null = null;
const net = (): Promise<Net> => (netPromise ??= import("./app/net").then((m) => m.openNet(store, api, router, ws)));
const router = new Router(bar, (route) => {
  store.update({ route });
  const room = roomOf(route);
  if (room) void net().then((n) => n.flows.enter(room.code, room.role));
});
const store = new Store<AppState>(initialState(router.current(), lang()));
const api = createApi(http);
// Screens hold these from the start; each call waits for the network chunk if it is still coming.
const flows: JoinFlows = {
  join: async (code, nickname) => (await net()).flows.join(code, nickname),
  host: async () => (await net()).flows.host(),
  practice: async (nickname) => (await net()).flows.practice(nickname),
  enter: async (code, role) => (await net()).flows.enter(code, role),
};
const room: RoomIntents = {
  command: async (c) => (await net()).conn.command(c),
  host: async (a) => (await net()).conn.host(a),
  chooseTeam: async (team) => (await net()).conn.chooseTeam(team),
  askTime: async () => (await net()).conn.askTime(),
};
onLangChange(() => store.update({ lang: lang() }));
const app = new App(document.getElementById("app")!, { store, room, api, flows, navigate: (p) => router.navigate(p) }, room);
app.start();
const first = roomOf(router.current());
if (first) void flows.enter(first.code, first.role);
// Right after the first paint: the network and the lobby, fetched while the student types a nickname.
setTimeout(() => {
  void net();
  void app.prefetch(PLAYER_NEXT.slice(0, 1));
}, 0);
