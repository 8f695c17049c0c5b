import { startApp } from "./app";
import { openStore } from "./store/Store";

const port = Number(process.env.PORT ?? 2567);
// Sessions, rounds and match logs live in DATA_DIR (default ./data).
const store = openStore();
const app = await startApp({ port, signals: true, services: { store } });
console.log(`Spike Day is running: http://localhost:${app.port} (data in ${store.path})`);
