import "./styles.css";
import { App } from "./app";
import { initI18n } from "./i18n";

await initI18n();
const root = document.getElementById("app")!;
new App(root).route();
