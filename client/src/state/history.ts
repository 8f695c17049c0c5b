import { APP_IDS, APPS, type AppId } from "../../../shared/engine/data";
import type { RoundSeries } from "../../../shared/debrief/series";
import type { DatacenterView } from "./types";

/** The team's figures minute by minute, for the live chart: from the server's history, then each tick. */
export class LiveHistory {
  ticks: number[] = [];
  demand: Record<AppId, number[]> = perApp();
  capacity: Record<AppId, number[]> = perApp();
  served: number[] = [];
  dropped: number[] = [];
  private round = -1;

  reset(round: number): void {
    this.round = round;
    this.ticks = [];
    this.demand = perApp();
    this.capacity = perApp();
    this.served = [];
    this.dropped = [];
  }

  /** Fills in from the server's series (sent on join, reload and team change). */
  load(round: number, series: RoundSeries, team: number): void {
    this.reset(round);
    const mine = series.teams[team];
    const n = Math.max(0, ...APP_IDS.map((a) => series.demand[a]?.length ?? 0));
    for (let i = 0; i < n; i++) {
      this.ticks.push(i);
      for (const a of APP_IDS) {
        this.demand[a].push(series.demand[a]?.[i] ?? 0);
        this.capacity[a].push(mine?.capacity[a]?.[i] ?? 0);
      }
      this.served.push(mine?.served[i] ?? 0);
      this.dropped.push(mine?.dropped[i] ?? 0);
    }
  }

  /** Adds the tick that just ended (the state shows tick T after minute T−1 was played). */
  push(round: number, tick: number, dc: DatacenterView | undefined): void {
    if (round !== this.round) this.reset(round);
    const minute = tick - 1;
    if (minute < 0 || !dc || (this.ticks.length > 0 && this.ticks[this.ticks.length - 1] >= minute)) return;
    this.ticks.push(minute);
    let served = 0;
    let dropped = 0;
    for (const a of APP_IDS) {
      const tr = dc.traffic.get(a);
      this.demand[a].push(tr?.demand ?? 0);
      this.capacity[a].push(tr?.capacity ?? 0);
      if (APPS[a].role === "frontend") {
        served += tr?.served ?? 0;
        dropped += tr?.dropped ?? 0;
      }
    }
    this.served.push(served);
    this.dropped.push(dropped);
  }
}

function perApp(): Record<AppId, number[]> {
  return Object.fromEntries(APP_IDS.map((a) => [a, [] as number[]])) as Record<AppId, number[]>;
}
