import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ALPHABET, LIMITS } from "../../shared/protocol/limits";
import {
  boot, Cast, commandFeed, createSession, expectOk, hostSession, instancesOn, sessionStatus, startRound, waitFor, type Player,
} from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();

beforeAll(async () => {
  app = await boot();
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("creating a session", () => {
  it("hands out a 6-character code from the no-look-alike alphabet and an open lobby", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { code, hostSecret } = await createSession(app.url);
      expect(code).toHaveLength(LIMITS.codeLength);
      for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
      expect(hostSecret.length).toBeGreaterThanOrEqual(16);
      expect(await sessionStatus(app.url, code)).toMatchObject({ code, status: "open", phase: "lobby", practice: false });
      codes.add(code);
    }
    expect(codes.size).toBe(5);
  });

  it("the status lookup accepts a lower-case code and reports unknown codes", async () => {
    const { code } = await createSession(app.url);
    expect((await sessionStatus(app.url, code.toLowerCase())).status).toBe("open");
    expect((await sessionStatus(app.url, "ZZZZZZ")).status).toBe("unknown");
  });

  it("the host joins with the secret as the teacher in seat 0", async () => {
    const { code, host } = await hostSession(app.url, cast);
    expect(host.welcome).toMatchObject({ seat: 0, role: "host" });
    expect(host.state.code).toBe(code);
    expect(host.state.phase).toBe("lobby");
    expect(host.state.teams.length).toBe(4);
    // The teacher sees every team's datacenter.
    expect(host.state.datacenters.length).toBe(LIMITS.maxTeams);
  });
});

describe("a class of 30", () => {
  let host: Player;
  let students: Player[] = [];

  beforeAll(async () => {
    const s = await hostSession(app.url, cast);
    host = s.host;
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    for (let batch = 0; batch < 3; batch++) {
      const joined = await Promise.all(
        Array.from({ length: 10 }, (_, i) => cast.join(app.url, s.code, { nickname: `Student ${batch * 10 + i + 1}` })),
      );
      students.push(...joined);
    }
    students = students.sort((a, b) => a.welcome.seat - b.welcome.seat);
  });

  it("every student gets a distinct seat, a seat token and no team yet", async () => {
    expect(new Set(students.map((p) => p.welcome.seat)).size).toBe(30);
    for (const p of students) {
      expect(p.welcome.role).toBe("student");
      expect(p.welcome.team).toBe(-1);
      expect(p.welcome.seatToken.length).toBeGreaterThanOrEqual(16);
    }
    await waitFor(() => host.state.seats.size === 31);
    expect((await sessionStatus(app.url, host.state.code)).status).toBe("open");
  });

  it("students choose teams and the host balances the rest into 4 teams", async () => {
    // Twelve pick a team themselves: six Alpha, six Bravo.
    const pickers = students.slice(0, 12);
    const picks = await Promise.all(pickers.map((p, i) => p.chooseTeam(i % 2)));
    for (const r of picks) expectOk(r);
    await waitFor(() => host.state.teams[0].members === 6 && host.state.teams[1].members === 6);

    expectOk(await host.host({ type: "autoBalance" }));
    await waitFor(() => host.state.teams.reduce((n, t) => n + t.members, 0) === 30);
    const sizes = host.state.teams.map((t) => t.members);
    expect(sizes.sort()).toEqual([7, 7, 8, 8]);

    // Those who picked keep their pick; everyone sees their own seat in a team.
    pickers.forEach((p, i) => expect(host.state.seats.get(String(p.welcome.seat))!.team).toBe(i % 2));
    for (const p of students) {
      const seat = await waitFor(() => {
        const s = p.state.seats.get(String(p.welcome.seat));
        return s && s.team >= 0 ? s : undefined;
      });
      // A student's view holds exactly one datacenter: its own team's.
      await waitFor(() => p.state.datacenters.length === 1 && p.dc(seat.team));
    }
  });

  it("the round starts and a command is applied on the tick, visible to the team with who did it", async () => {
    const alpha = students.filter((p) => host.state.seats.get(String(p.welcome.seat))!.team === 0);
    const bravo = students.filter((p) => host.state.seats.get(String(p.welcome.seat))!.team === 1);
    const [actor, mate] = alpha;

    await startRound(host, students);
    expect(host.state.round.number).toBe(1);
    await waitFor(() => actor.dc(0)!.servers.length > 0);
    const server = actor.dc(0)!.servers[0].id;
    expect(actor.dc(0)!.servers[0].layer).toBe("");

    const sentAt = actor.state.tick;
    const r = expectOk(await actor.command({ type: "installLayer", server, layer: "container-host" }));
    expect(r.tick).toBeGreaterThanOrEqual(sentAt);

    // The patch follows the result: the layer shows on the server, for the actor and a teammate.
    for (const p of [actor, mate]) {
      await waitFor(() => p.dc(0)!.servers.find((s) => s.id === server)!.layer === "container-host");
      const line = await waitFor(() => commandFeed(p.feed(0)).find((f) => f.data.includes("installLayer")));
      expect(line).toMatchObject({ tick: r.tick, seat: actor.welcome.seat, who: actor.welcome.nickname });
    }
    // Other teams neither see Alpha's datacenter nor its feed, and the teacher's screen is not sent feeds.
    expect(bravo[0].dc(0)).toBeUndefined();
    expect(bravo[0].feed(0)).toBeUndefined();
    expect(commandFeed(bravo[0].feed(1))).toEqual([]);
    expect(host.feed(0)).toBeUndefined();

    // A second command builds on the first: an app deployed onto the new container host.
    const d = expectOk(await actor.command({ type: "deploy", target: server, app: "web" }));
    expect(d.tick).toBeGreaterThan(r.tick);
    await waitFor(() => instancesOn(mate.dc(0), server).some((i) => i.app === "web"));
    await waitFor(() => host.state.teams[0].instances === 1);
  });
});
