/**
 * Room codes in use and sessions that have ended, for this process: a code is never handed out
 * twice while its room lives, and a student typing the code of an ended session is told so.
 */
const active = new Set<string>();
const ended = new Map<string, number>();
const ENDED_MEMORY = 500;

export function claimCode(code: string): boolean {
  if (active.has(code) || ended.has(code)) return false;
  active.add(code);
  return true;
}

export function releaseCode(code: string): void {
  active.delete(code);
}

export function markEnded(code: string): void {
  active.delete(code);
  ended.set(code, ended.size);
  if (ended.size > ENDED_MEMORY) ended.delete(ended.keys().next().value as string);
}

export function hasEnded(code: string): boolean {
  return ended.has(code);
}

export function isActive(code: string): boolean {
  return active.has(code);
}
