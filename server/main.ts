import { startApp } from "./app";
import { readConfig } from "./config";
import { openStore } from "./store/Store";

// PORT, TRUST_PROXY and the per-address limits: see server/config.ts and the README.
const config = readConfig();
// Sessions, rounds and match logs live in DATA_DIR (default ./data).
const store = openStore();
const app = await startApp({ port: config.port, signals: true, services: { store }, trustProxy: config.trustProxy, limits: config.limits });
console.log(`Spike Day is running: http://localhost:${app.port} (data in ${store.path})`);
