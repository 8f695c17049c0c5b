import type { Instance, Server, Vm } from "./types";

/** A server runs what is on it: delivered, its layer installed, not failed, its OS not rebooting. */
export function serverUp(server: Server, t: number): boolean {
  return server.layer !== null && t >= server.layerReadyAt && t >= server.failedUntil && t >= server.readyAt
    && t >= server.osDownUntil;
}

export function vmUp(vm: Vm, t: number): boolean {
  return t >= vm.readyAt && t >= vm.downUntil;
}

/** Started and not knocked out (its server and VM are checked separately). */
export function instanceUp(i: Instance, t: number): boolean {
  return t >= i.readyAt && t >= i.downUntil;
}
