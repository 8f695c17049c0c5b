import { err, type EngineError } from "./errors";
import type { Instance, MatchState, Server, Team, Vm } from "./types";

export interface ServerRef { kind: "server"; team: Team; server: Server }
export interface VmRef { kind: "vm"; team: Team; server: Server; vm: Vm }
export interface InstanceRef { kind: "instance"; team: Team; server: Server; vm: Vm | null; instance: Instance }
export type ObjectRef = ServerRef | VmRef | InstanceRef;

/** Finds any object by id across all teams (ids are unique in a match). */
export function locate(state: MatchState, id: string): ObjectRef | null {
  for (const team of state.teams) {
    for (const server of team.servers) {
      if (server.id === id) return { kind: "server", team, server };
      for (const instance of server.instances) {
        if (instance.id === id) return { kind: "instance", team, server, vm: null, instance };
      }
      for (const vm of server.vms) {
        if (vm.id === id) return { kind: "vm", team, server, vm };
        for (const instance of vm.instances) {
          if (instance.id === id) return { kind: "instance", team, server, vm, instance };
        }
      }
    }
  }
  return null;
}

/** An object of the acting team, or the error a player would see: unknown, or someone else's. */
export function owned<K extends ObjectRef["kind"]>(
  state: MatchState, team: Team, id: string, kind: K,
): Extract<ObjectRef, { kind: K }> | EngineError {
  const ref = locate(state, id);
  if (!ref) return err("unknown_object", { id });
  if (ref.team !== team) return err("foreign_object", { id });
  if (ref.kind !== kind) return err("wrong_kind", { id, expected: kind, actual: ref.kind });
  return ref as Extract<ObjectRef, { kind: K }>;
}

export function isError(x: unknown): x is EngineError {
  return typeof x === "object" && x !== null && "code" in x && "params" in x;
}

/** Every instance of a team, with where it runs, in stable order. */
export function* teamInstances(team: Team): Generator<InstanceRef> {
  for (const server of team.servers) {
    for (const instance of server.instances) yield { kind: "instance", team, server, vm: null, instance };
    for (const vm of server.vms) {
      for (const instance of vm.instances) yield { kind: "instance", team, server, vm, instance };
    }
  }
}
