/**
 * The network half of the client, loaded once the landing page is up (its own chunk: colyseus.js
 * and the join flows are not needed to draw the join form).
 */
import type { Api } from "../net/api";
import { Connection } from "../net/connection";
import type { Router } from "../router";
import type { AppState } from "../store/state";
import type { Store } from "../store/store";
import { lang } from "../i18n";
import { joinFlows, type JoinFlows } from "./flows";
import { storeSink } from "./sink";

export interface Net {
  conn: Connection;
  flows: JoinFlows;
}

export function openNet(store: Store<AppState>, api: Api, router: Router, wsUrl: string): Net {
  const conn = new Connection({ wsUrl, api, sink: storeSink(store), lang });
  return { conn, flows: joinFlows(store, conn, api, router) };
}
