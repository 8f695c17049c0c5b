import "./host.css";
import QRCode from "qrcode";
import { t } from "../../i18n";
import type { Api, JoinLinks } from "../../net/api";
import { memory } from "../../net/storage";
import { h, option } from "../dom";

/** Where a join box sits: the projector's lobby (huge), across the projector's top in play (a strip), the teacher's laptop. */
export type JoinBoxSize = "projector" | "strip" | "laptop";

/** The join link without its scheme: shorter to read off a wall and to type (browsers add it back). */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

/**
 * How students get in: the room code, the join link and its QR code, built from the address the
 * server says students reach it at (GET /api/links), never from this browser's own (localhost on
 * the teacher's laptop). On the laptop the teacher sees why a link may not work and may pick
 * another of the machine's addresses; the projector window follows that pick.
 */
export class JoinBox {
  readonly el: HTMLElement;
  private readonly url = h("div", { class: "url", testid: "join-url" });
  private readonly qr = h("img", { alt: t("host.scan"), testid: "join-qr" });
  private readonly notes = h("div", { class: "stack" });
  private links: JoinLinks | null = null;
  private readonly onStorage = (e: StorageEvent) => { if (e.key?.endsWith("joinBase")) this.render(); };

  constructor(private readonly code: string, api: Api, private readonly size: JoinBoxSize) {
    const codeEl = h("div", { class: "code", testid: "room-code", text: code });
    if (size === "strip") {
      this.el = h("div", { class: "join-strip", testid: "joinbox" },
        h("span", { class: "muted", text: t("projector.joinAt") }), this.url, h("span", { class: "muted", text: t("projector.code") }), codeEl);
    } else if (size === "projector") {
      this.el = h("section", { class: "joinbox projector-join", testid: "joinbox" },
        h("div", { class: "label", text: t("projector.joinAt") }), this.url,
        h("div", { class: "label", text: t("projector.orScan") }), this.qr,
        h("div", { class: "label", text: t("projector.code") }), codeEl);
    } else {
      this.el = h("section", { class: "panel joinbox laptop-join", testid: "joinbox", "aria-labelledby": "joinbox-title" },
        h("h2", { id: "joinbox-title", text: t("projector.link") }),
        h("div", { class: "row" }, this.qr, h("div", { class: "stack grow" },
          h("div", { class: "row" }, h("span", { class: "muted", text: t("host.code") }), codeEl), this.url, this.notes)));
    }
    window.addEventListener("storage", this.onStorage);
    void api.links().then((links) => {
      this.links = links;
      this.render();
    });
  }

  /** The base in use: the teacher's pick when it is still one of this machine's addresses, else the server's. */
  private base(): string {
    const links = this.links!;
    const picked = memory.joinBase();
    return picked && links.from !== "public_url" && links.others.includes(picked) ? picked : links.base;
  }

  private render(): void {
    if (!this.links) return;
    const link = `${this.base()}/join/${this.code}`;
    this.url.textContent = shortLink(link);
    this.url.setAttribute("title", link);
    void QRCode.toDataURL(link, { margin: 1, width: this.size === "projector" ? 640 : 280, errorCorrectionLevel: "M" }).then((src) => { this.qr.src = src; });
    if (this.size === "laptop") this.renderNotes(link);
  }

  /** The laptop's extras: a copy button, why phones may fail, and the machine's other addresses. */
  private renderNotes(link: string): void {
    const links = this.links!;
    const copy = h("button", {
      type: "button", testid: "join-copy", text: t("common.copy"),
      onclick: () => void navigator.clipboard?.writeText(link).then(() => { copy.textContent = t("common.copied"); }, () => {}),
    });
    const warn = links.from === "loopback" ? t("projector.loopback") : links.roomsLocal ? t("projector.roomsLocal") : "";
    const pick = links.from !== "public_url" && links.others.length > 1
      ? h("label", {}, t("projector.otherAddress"), h("select", {
        testid: "join-address",
        onchange: (e: Event) => {
          memory.setJoinBase((e.target as HTMLSelectElement).value);
          this.render();
        },
      }, links.others.map((o) => option(o, shortLink(o), o === this.base()))))
      : null;
    const parts: HTMLElement[] = [h("div", { class: "row" }, copy)];
    if (warn) parts.push(h("p", { class: "warn-text", role: "alert", testid: "join-warning", text: warn }));
    if (pick) parts.push(pick);
    this.notes.replaceChildren(...parts);
  }

  destroy(): void {
    window.removeEventListener("storage", this.onStorage);
  }
}
