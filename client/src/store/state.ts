/**
 * Everything the screens read, in one immutable object, and how each piece of news from the
 * network changes it (pure functions: the controller applies them, the tests call them).
 */
import type { RoundReport } from "../../../shared/debrief/report";
import type { ActivityMessage, BanEntry, WelcomeMessage } from "../../../shared/protocol/messages";
import type { Lang } from "../i18n";
import type { ClassView } from "../model/types";
import type { ClosedReason, DebriefMessage, HistoryMessage, Role } from "../net/types";
import type { Route } from "../router";
import { bookFromSeries, EMPTY_BOOK, mergeBooks, recordMinute, type SeriesBook } from "./series";

export interface Me {
  seat: number;
  role: Role;
  nickname: string;
}

/** The connection to the route's room. */
export type Link =
  | { status: "idle" }
  | { status: "joining"; code: string }
  | { status: "online"; code: string }
  | { status: "reconnecting"; code: string; attempt: number; interrupted: boolean }
  | { status: "closed"; code: string; reason: ClosedReason };

export interface AppState {
  route: Route;
  lang: Lang;
  link: Link;
  /** The room as of the last patch; null until the first arrives. */
  view: ClassView | null;
  /** This browser's seat (from the server's welcome). */
  me: Me | null;
  /** Every finished round's report, oldest first. */
  reports: readonly RoundReport[];
  /** Minute-by-minute figures of the current round, per team. */
  book: SeriesBook;
  /** The teacher's last message to this browser (`n` counts them, so a repeat shows again). */
  notice: { text: string; n: number } | null;
  /** Why the last attempt to enter a room failed (shown on the join form). */
  joinError: string | null;
  /** The teacher's list of kicked students (empty for students). */
  bans: readonly BanEntry[];
  /** Who is idle this round (the teacher's; null for students and before a round). */
  activity: ActivityMessage | null;
}

export function initialState(route: Route, lang: Lang): AppState {
  return { route, lang, link: { status: "idle" }, view: null, me: null, reports: [], book: EMPTY_BOOK, notice: null, joinError: null, bans: [], activity: null };
}

/** Entering a room: what was known of another room is dropped. */
export function joining(s: AppState, code: string): Partial<AppState> {
  const same = s.view?.code === code;
  return same
    ? { link: { status: "joining", code } }
    : { link: { status: "joining", code }, view: null, me: null, reports: [], book: EMPTY_BOOK, notice: null, bans: [], activity: null };
}

export function stateArrived(s: AppState, view: ClassView): Partial<AppState> {
  // A patch that was on its way when the session closed for this browser does not reopen it.
  const keep = (s.link.status === "online" || s.link.status === "closed") && s.link.code === view.code;
  const link: Link = keep ? s.link : { status: "online", code: view.code };
  return { view, link, book: recordMinute(s.book, view) };
}

export function welcomed(m: WelcomeMessage): Partial<AppState> {
  return { me: { seat: m.seat, role: m.role, nickname: m.nickname } };
}

export function historyArrived(s: AppState, m: HistoryMessage): Partial<AppState> {
  return { book: mergeBooks(bookFromSeries(m.round, m.series, { minutes: m.minutes }), s.book) };
}

/** A finished round's reports; a page opened after the round has no live minutes, the report has them all. */
export function debriefArrived(s: AppState, m: DebriefMessage): Partial<AppState> {
  const last = m.reports[m.reports.length - 1];
  const book = last && s.book.round !== last.round ? bookFromSeries(last.round, last.series) : s.book;
  return { reports: m.reports, book };
}

export function noticeArrived(s: AppState, text: string): Partial<AppState> {
  return { notice: { text, n: (s.notice?.n ?? 0) + 1 } };
}

export function reconnecting(s: AppState, attempt: number, interrupted: boolean): Partial<AppState> {
  return { link: { status: "reconnecting", code: linkCode(s), attempt, interrupted } };
}

export function closed(s: AppState, reason: ClosedReason): Partial<AppState> {
  return { link: { status: "closed", code: linkCode(s), reason } };
}

function linkCode(s: AppState): string {
  return s.link.status === "idle" ? s.view?.code ?? "" : s.link.code;
}
