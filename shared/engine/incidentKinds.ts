/** The incidents there are (apart from engine/types.ts so scenarios can name them without a cycle). */
export const INCIDENT_KINDS = ["leak", "kernel", "hardware", "audit", "patch"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
