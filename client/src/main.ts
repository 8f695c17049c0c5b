import "./styles.css";
import { App, roomOf } from "./app/app";
import { joinFlows, type JoinFlows } from "./app/flows";
import { storeSink } from "./app/sink";
import { initI18n, lang, onLangChange } from "./i18n";
import { createApi } from "./net/api";
import { Connection } from "./net/connection";
import { browserAddressBar, Router } from "./router";
import { initialState, type AppState } from "./store/state";
import { Store } from "./store/store";

/** Wires the client together: i18n, the store, the network, the router, the screen machine. */
await initI18n();
const http = `${location.protocol}//${location.host}`;
const ws = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
const bar = browserAddressBar();
let flows: JoinFlows | null = null;
const router = new Router(bar, (route) => {
  store.update({ route });
  const room = roomOf(route);
  if (room) void flows?.enter(room.code, room.role);
});
const store = new Store<AppState>(initialState(router.current(), lang()));
const api = createApi(http);
const conn = new Connection({ wsUrl: ws, api, sink: storeSink(store), lang: lang });
flows = joinFlows(store, conn, api, router);
onLangChange(() => store.update({ lang: lang() }));
const app = new App(document.getElementById("app")!, { store, room: conn, api, flows, navigate: (p) => router.navigate(p) }, conn);
app.start();
const first = roomOf(router.current());
if (first) void flows.enter(first.code, first.role);
