import { h } from "./dom";
import { lang, setLang, t, type Lang } from "../i18n";
import { option } from "./dom";

/** The bar across the top: the name, the language switch, and a slot for live status. */
export function topbar(status?: HTMLElement): HTMLElement {
  const select = h("select", {
    "aria-label": t("lang.label"), testid: "lang-switch",
    onchange: (e: Event) => void setLang((e.target as HTMLSelectElement).value as Lang),
  }, option("zh-CN", t("lang.zh"), lang() === "zh-CN"), option("en", t("lang.en"), lang() === "en"));
  return h("header", { class: "topbar" },
    h("a", { href: "/", class: "brand", style: { color: "#fff", textDecoration: "none" }, text: t("brand.name") }),
    select,
    h("div", { class: "status" }, status ?? null));
}
