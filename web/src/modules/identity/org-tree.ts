import type { OrgUnit } from '@karna/contracts';
import { swedishCollator } from '../../lib/format.ts';

export interface OrgTreeNode {
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/**
 * Build the organisation tree from the flat list. Siblings are sorted by Swedish rules; a unit
 * whose parent is missing from the list is shown as a root rather than lost.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => swedishCollator.compare(a.unit.name, b.unit.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The tree in reading order with each unit's depth, e.g. for an indented select. */
export function flattenOrgTree(roots: readonly OrgTreeNode[]): { unit: OrgUnit; depth: number }[] {
  const result: { unit: OrgUnit; depth: number }[] = [];
  const visit = (node: OrgTreeNode, depth: number) => {
    result.push({ unit: node.unit, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return result;
}
