/** What the network layer tells the rest of the client, and what the rest may ask of it. */
import type { RoundReport } from "../../../shared/debrief/report";
import type { Command } from "../../../shared/engine";
import type {
  ActivityMessage, AppliedMessage, BansMessage, HistoryMessage, HostCommand, LostMessage, MovingMessage, NoticeMessage, RequestMessage, ResultMessage,
  WelcomeMessage, WireError,
} from "../../../shared/protocol/messages";
import type { ClassView } from "../model/types";

export type { Role } from "../../../shared/protocol/phases";

export type { HistoryMessage };
export interface DebriefMessage { reports: RoundReport[] }

/** Why this browser is out of the session: kicked, ended, or the seat could not be recovered. */
export type ClosedReason = "kicked" | "session_ended" | "lost";

/** The one consumer of the connection's news (the store's controller). */
export interface NetSink {
  state(view: ClassView): void;
  welcome(m: WelcomeMessage): void;
  history(m: HistoryMessage): void;
  debrief(m: DebriefMessage): void;
  notice(m: NoticeMessage): void;
  /** An error the server sent that settles no request. */
  error(m: { error: WireError; type?: string }): void;
  applied(m: AppliedMessage): void;
  /** The teacher approved or turned down this student's request to join a team mid-round. */
  request(m: RequestMessage): void;
  /** After the server stopped: this seat's commands that were acknowledged but never played. */
  lost(m: LostMessage): void;
  /** The teacher's list of kicked students. */
  bans(m: BansMessage): void;
  /** Who is idle (to the teacher, every few seconds of a round). */
  activity(m: ActivityMessage): void;
  /** The server is being restarted: the class moves to another server after this round (the client rejoins by itself). */
  moving(m: MovingMessage): void;
  /** The connection dropped and the seat is being recovered (attempt n; `interrupted`: the server restarted). */
  reconnecting(attempt: number, interrupted: boolean): void;
  reconnected(): void;
  closed(reason: ClosedReason): void;
}

/** What screens may ask of the room: team commands, host commands, a team pick, more time. */
export interface RoomIntents {
  command(command: Command): Promise<ResultMessage>;
  host(action: HostCommand): Promise<ResultMessage>;
  chooseTeam(team: number): Promise<ResultMessage>;
  /** A student asks the teacher for more time (the teacher sees it on their page). */
  askTime(): Promise<ResultMessage>;
}
