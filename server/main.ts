import express from "express";
import { fileURLToPath } from "node:url";

const port = Number(process.env.PORT ?? 2567);
const app = express();
app.get("/health", (_req, res) => { res.json({ ok: true }); });
app.use(express.static(fileURLToPath(new URL("../client/dist", import.meta.url))));
const server = app.listen(port, () => console.log(`Spike Day on http://localhost:${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
