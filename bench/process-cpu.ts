/**
 * Not a benchmark: the CPU time each process of the save path spent during a load, read from
 * Linux's /proc (user + system time). Latency on a shared 2-core machine moves with the
 * neighbours; CPU time per operation hardly does, so it says which process a save's cost is in.
 * The local stack's servers are counted by process group (stack.sh starts each in its own
 * session, the pid in `$PAR_RUN_DIR/pids/<name>.pid` leading it), the bench's apps by pid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Linux's clock ticks per second (USER_HZ), 100 on every architecture Node runs on here. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  pgrp: number;
  cpuSeconds: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
    return {
      pid: Number(pid),
      pgrp: Number(fields[2]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return null; // the process ended between the listing and the read
  }
}

/** The stack's servers that have a pid file, by name, with the pid that leads each one's group. */
export function stackServers(runDir = process.env.PAR_RUN_DIR!): Record<string, number> {
  const dir = path.join(runDir, 'pids');
  const servers: Record<string, number> = {};
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.pid')) continue;
    const pid = Number(readFileSync(path.join(dir, file), 'utf8').trim());
    if (pid > 0) servers[file.slice(0, -'.pid'.length)] = pid;
  }
  return servers;
}

/**
 * CPU seconds used so far: for each of `groups` the sum over its process group, for each of
 * `processes` that process alone (the bench's own apps are its children, in its group).
 */
export function cpuSeconds(
  groups: Record<string, number>,
  processes: Record<string, number>,
): Record<string, number> {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((s): s is ProcStat => s !== null);
  const used: Record<string, number> = {};
  for (const [name, leader] of Object.entries(groups))
    used[name] = stats.filter((s) => s.pgrp === leader).reduce((sum, s) => sum + s.cpuSeconds, 0);
  for (const [name, pid] of Object.entries(processes))
    used[name] = stats.find((s) => s.pid === pid)?.cpuSeconds ?? 0;
  used.bench = stats.find((s) => s.pid === process.pid)?.cpuSeconds ?? 0;
  return used;
}

/**
 * CPU milliseconds per operation of each process between two readings (`before`, `after`),
 * largest first, less what the process spends idle: `idleShare` times its CPU between
 * `idleFrom` and `before` (a quiet window `idleShare` times shorter than the load).
 */
export function cpuPerOperation(
  before: Record<string, number>,
  after: Record<string, number>,
  operations: number,
  idleFrom: Record<string, number>,
  idleShare: number,
): string {
  const used = (name: string) => after[name]! - (before[name] ?? 0);
  const idle = (name: string) => ((before[name] ?? 0) - (idleFrom[name] ?? 0)) * idleShare;
  return Object.keys(after)
    .map((name) => [name, (Math.max(0, used(name) - idle(name)) * 1000) / operations] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');
}
