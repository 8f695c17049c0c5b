import { startApp } from "./app";

const port = Number(process.env.PORT ?? 2567);
const app = await startApp({ port, signals: true });
console.log(`Spike Day is running: http://localhost:${app.port}`);
