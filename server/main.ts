import { startApp } from "./app";
import { readConfig } from "./config";
import { clusterFromEnv } from "./cluster/services";
import { startBanner } from "./http/links";
import { openStore } from "./store/open";

// PORT, TRUST_PROXY, PUBLIC_URL and the per-address limits: see server/config.ts and the README.
const config = readConfig();
// Sessions, rounds and match logs: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR (default ./data).
const store = await openStore();
// Alone unless REDIS_URL is set (then PUBLIC_ADDRESS says where browsers reach this process).
const cluster = await clusterFromEnv();
const app = await startApp({
  port: config.port, signals: true, services: { store }, cluster, trustProxy: config.trustProxy, limits: config.limits,
  drainTimeoutMs: config.drainTimeoutS * 1000, publicUrl: config.publicUrl,
});
const shared = cluster.mode === "redis" ? `, rooms shared through Redis as ${cluster.publicAddress}` : "";
// Every address it can be reached at, as Vite prints them: a class on Wi-Fi joins at a Network one.
console.log([`Spike Day is running (data in ${store.where}${shared}):`, ...startBanner(app.port, { publicUrl: config.publicUrl })].join("\n"));
