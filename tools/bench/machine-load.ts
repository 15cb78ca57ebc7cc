import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { sleep } from './app-process';

/**
 * On a small machine the load generator, the API and PostgreSQL already share the cores; anything else running
 * (a build, a test suite) takes its share from them and the figures drop. These helpers notice it: the busy
 * share of all cores just before a run, and the CPU that processes other than the benchmark's used during it.
 * Linux only (/proc); elsewhere they report nothing.
 */

function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = fields[3] + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Share (0–1) of all cores busy over the next `ms`. */
export async function busyShare(ms: number): Promise<number | null> {
  const a = cpuTicks();
  await sleep(ms);
  const b = cpuTicks();
  if (!a || !b || b.total === a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

/** Waits (up to `maxSeconds`) until the machine is nearly idle; returns the last busy share seen. */
export async function waitForQuiet(maxSeconds: number, label: string): Promise<number | null> {
  const deadline = Date.now() + maxSeconds * 1000;
  let busy = await busyShare(1000);
  let told = false;
  while (busy !== null && busy > 0.15 && Date.now() < deadline) {
    if (!told) {
      process.stdout.write(
        `\nThe machine is busy (${pct(busy)} of ${cpus().length} cores) before "${label}"; waiting up to ${maxSeconds} s`,
      );
      told = true;
    }
    busy = await busyShare(2000);
  }
  if (told) console.log(busy !== null && busy > 0.15 ? ` – still ${pct(busy)} busy, running anyway` : ' – quiet now');
  return busy;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

const TICKS_PER_SECOND = 100;

export interface CpuShares {
  /** The API process. */
  api: number;
  /** Every PostgreSQL process (backends of any database, background writer, WAL writer, ...). */
  postgres: number;
  /** This process (autocannon, or the pg client of the raw-SQL runs) and its launcher. */
  loadGenerator: number;
  /** Kernel threads: mostly I/O (WAL flushes, page cache) on behalf of the above. */
  kernel: number;
  /** Every other process: work on the machine that is not the benchmark's. */
  others: number;
}

type Group = keyof CpuShares;

/** CPU ticks per process, with the group it belongs to. */
function processTicks(
  classify: (pid: number, comm: string, ppid: number) => Group,
): Map<number, { group: Group; ticks: number }> {
  const out = new Map<number, { group: Group; ticks: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      // Fields 14 and 15 of stat (utime, stime); `rest` starts at field 3.
      const rest = stat.slice(close + 2).split(' ');
      out.set(pid, { group: classify(pid, comm, Number(rest[1])), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * Starts counting; the returned function gives the CPU each group used since, in cores (1.0 = one core busy the
 * whole time). A process that both starts and ends within the window is missed.
 */
export function watchCpu(apiPid: number | undefined): () => CpuShares | null {
  if (process.platform !== 'linux') return () => null;
  const mine = new Set([process.pid, process.ppid]);
  const classify = (pid: number, comm: string, ppid: number): Group =>
    pid === apiPid
      ? 'api'
      : mine.has(pid)
        ? 'loadGenerator'
        : comm === 'postgres'
          ? 'postgres'
          : pid === 2 || ppid === 2
            ? 'kernel'
            : 'others';
  const started = Date.now();
  const before = processTicks(classify);
  return () => {
    const after = processTicks(classify);
    const seconds = (Date.now() - started) / 1000;
    if (after.size === 0 || seconds <= 0) return null;
    const shares: CpuShares = { api: 0, postgres: 0, loadGenerator: 0, kernel: 0, others: 0 };
    for (const [pid, { group, ticks }] of after)
      shares[group] += (ticks - (before.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND / seconds;
    return shares;
  };
}
