/**
 * Stable error codes. The client translates each one (zh-CN and en) with its params;
 * never rename a code, only add.
 */
export const ERROR_CODES = [
  // Shape: the message is not a command the engine knows.
  "bad_command",
  // Whose object it is.
  "unknown_object",
  "foreign_object",
  "wrong_kind",
  // Round state.
  "match_over",
  "not_unlocked",
  "app_not_in_scenario",
  // Money.
  "insufficient_funds",
  // Placement.
  "wrong_layer",
  "no_layer",
  "server_failed",
  "server_busy",
  "vm_busy",
  "no_cpu",
  "no_mem",
  "no_gpu",
  "port_in_use",
  "needs_windows",
  "needs_linux",
  "not_containerizable",
  "para_needs_linux",
  "single_primary",
  "cpu_out_of_range",
  "mem_limit_out_of_range",
  "limits_need_container",
  "vm_mem_too_small",
  // Migration.
  "migrate_needs_type1",
  "migrate_same_server",
  // Licences.
  "licence_not_allowed",
  "licence_not_needed",
  // Engine 2: renting, runtimes, resizing.
  "rent_unavailable",
  "runtime_conflict",
  "not_resizable",
  "resize_no_change",
  // Engine 3: the container chapter (volumes, registry), hardware without virtualization support.
  "not_rentable",
  "volume_needs_container",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | null>;

export interface EngineError {
  code: ErrorCode;
  params: ErrorParams;
}

export function err(code: ErrorCode, params: ErrorParams = {}): EngineError {
  return { code, params };
}
