import { describe, expect, it } from 'vitest';
import { diffGroups, groupNodes } from './heap-diff.ts';

// A V8 heap snapshot in miniature: node_fields per node, names as indexes into strings.
const snapshot = (nodes: [type: number, name: number, size: number][]) => ({
  snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [['hidden', 'object', 'string'] as string[]] as [string[]] } },
  nodes: nodes.flatMap(([type, name, size], id) => [type, name, id, size]),
  strings: ['Object', 'Walkaway Quinlan', 'FiberNode'],
});

describe('heap diff', () => {
  it('groups by type and name, and lists the growth largest first (a leaked name shows as a string)', () => {
    const before = groupNodes(snapshot([[1, 0, 40], [1, 2, 100]]));
    const after = groupNodes(snapshot([[1, 0, 40], [1, 2, 100], [1, 2, 100], [2, 1, 32], [2, 1, 32]]));
    expect(diffGroups(before, after)).toEqual([
      { key: 'object :: FiberNode', count: 1, size: 100 },
      { key: 'string :: Walkaway Quinlan', count: 2, size: 64 },
    ]);
  });

  it('reports what went away as negative growth', () => {
    expect(diffGroups(groupNodes(snapshot([[1, 0, 40]])), groupNodes(snapshot([])))).toEqual([{ key: 'object :: Object', count: -1, size: -40 }]);
  });
});
