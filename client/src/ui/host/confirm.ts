import type { HostCommand } from "../../../../shared/protocol/messages";
import type { Phase } from "../../../../shared/protocol/phases";
import { t } from "../../i18n";
import { confirmDialog } from "../dialog";

type Run = (action: HostCommand) => Promise<boolean>;

/*
 * The teacher's actions that cannot be undone ask first, in a real modal (focus on "Cancel", so a
 * habitual Enter ends nothing): one click once ended a round for the whole class.
 */

/** Ends the round (or calls off one still in its briefing) once the teacher confirms. */
export async function endRoundAsked(run: Run, phase: Phase): Promise<boolean> {
  const briefing = phase === "briefing";
  const yes = await confirmDialog({
    title: t(briefing ? "host.confirmCallOffTitle" : "host.confirmEndRoundTitle"),
    message: t(briefing ? "host.confirmCallOff" : "host.confirmEndRound"),
    confirm: t("host.endRound"), danger: true, testid: "confirm-endround",
  });
  return yes && run({ type: "endRound" });
}

export async function endSessionAsked(run: Run): Promise<boolean> {
  const yes = await confirmDialog({
    title: t("host.confirmEndSessionTitle"), message: t("host.confirmEnd"), confirm: t("host.endSession"), danger: true, testid: "confirm-endsession",
  });
  return yes && run({ type: "endSession" });
}

export async function kickAsked(run: Run, seat: number, nickname: string): Promise<boolean> {
  const yes = await confirmDialog({
    title: t("host.confirmKickTitle", { nickname }), message: t("host.confirmKick", { nickname }), confirm: t("host.kick"), danger: true, testid: "confirm-kick",
  });
  return yes && run({ type: "kick", seat });
}
