import { INCIDENTS } from "./data";
import { loseLayer, type Where } from "./layer";
import type { Instance, Server, Vm } from "./types";

/**
 * Takes instances down until a tick (never shortening an outage already running); returns their ids.
 * They start again from their images then: containers without a volume lose their writable layer.
 */
export function knockOut(instances: Instance[], until: number, w: Where): string[] {
  for (const i of instances) {
    i.downUntil = Math.max(i.downUntil, until);
    loseLayer(w, i, i.downUntil);
  }
  return instances.map((i) => i.id);
}

/** A VM that goes down comes back after `bootDoneAt`, and its apps start again after that. */
export function rebootVm(vm: Vm, bootDoneAt: number, w: Where): string[] {
  vm.downUntil = Math.max(vm.downUntil, bootDoneAt);
  knockOut(vm.instances, vm.downUntil + INCIDENTS.appRestartTicks, w);
  return [vm.id];
}

/**
 * A server's OS (a bare OS or a container host) goes down until `bootDoneAt`: nothing new starts
 * on it before then, and its apps start again after that.
 */
export function rebootServer(server: Server, bootDoneAt: number, w: Where): string[] {
  server.osDownUntil = Math.max(server.osDownUntil, bootDoneAt);
  return knockOut(server.instances, server.osDownUntil + INCIDENTS.appRestartTicks, w);
}
