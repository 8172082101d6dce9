/**
 * `node bench/heap-diff.ts [--warmup=20] [--intakes=60] [--top=40]`: what the soak's heap
 * growth is made of. Runs the soak's intake cycle (bench/soak.ts) `warmup` times, takes a heap
 * snapshot, runs `intakes` more, takes another, and prints the difference grouped by node type
 * and constructor name (count and self size), largest growth first. Both snapshots follow
 * forced garbage collections. A leak of the app shows up as its own objects (strings with a
 * client's name, React fibers, DOM elements, closures of app code); V8's compiled code and
 * Chromium's bounded performance-entry buffers are not leaks.
 */
import type { CDPSession } from '@playwright/test';
import { parseArgs } from 'node:util';
import { heapSnapshot, type HeapSnapshot } from './heap-snapshot.ts';
import { openSoakSession, soakIntake } from './soak.ts';

interface Group {
  count: number;
  size: number;
}

/** Live heap after two GCs, grouped by "type :: name" (strings cut to 60 characters). */
export async function heapGroups(cdp: CDPSession): Promise<Map<string, Group>> {
  return groupNodes(await heapSnapshot(cdp));
}

export function groupNodes(snap: HeapSnapshot): Map<string, Group> {
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const groups = new Map<string, Group>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? '?';
    const name = snap.strings[snap.nodes[i + nameAt] ?? 0] ?? '';
    const key = `${type} :: ${type.includes('string') ? name.slice(0, 60) : name.slice(0, 120)}`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count += 1;
    group.size += snap.nodes[i + sizeAt] ?? 0;
    groups.set(key, group);
  }
  return groups;
}

/** after - before per group, largest growth first. */
export function diffGroups(before: ReadonlyMap<string, Group>, after: ReadonlyMap<string, Group>): { key: string; count: number; size: number }[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => ({ key, count: (after.get(key)?.count ?? 0) - (before.get(key)?.count ?? 0), size: (after.get(key)?.size ?? 0) - (before.get(key)?.size ?? 0) }))
    .filter((d) => d.count !== 0 || d.size !== 0)
    .sort((a, b) => b.size - a.size);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { warmup: { type: 'string', default: '20' }, intakes: { type: 'string', default: '60' }, top: { type: 'string', default: '40' } } });
  const [warmup, intakes, top] = [values.warmup, values.intakes, values.top].map(Number) as [number, number, number];
  if (![warmup, intakes, top].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--warmup, --intakes and --top must be positive integers.');
  const session = await openSoakSession();
  try {
    for (let i = 1; i <= warmup; i++) await soakIntake(session, i);
    const before = await heapGroups(session.cdp);
    for (let i = warmup + 1; i <= warmup + intakes; i++) await soakIntake(session, i);
    const after = await heapGroups(session.cdp);
    const diff = diffGroups(before, after);
    const total = diff.reduce((sum, d) => sum + d.size, 0);
    console.log(`heap snapshot difference over ${intakes} intakes (after ${warmup} warm-up intakes): ${total >= 0 ? '+' : ''}${(total / 1024).toFixed(1)} KiB`);
    console.log('  count      bytes  type :: name');
    for (const d of diff.slice(0, top)) console.log(`${String(d.count).padStart(7)} ${String(d.size).padStart(10)}  ${d.key}`);
  } finally {
    await session.env.dispose();
  }
}
