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

export interface PlacedOrgUnit {
  unit: OrgUnit;
  /** The names of the units above it, from the top: its place in the tree. */
  ancestors: string[];
}

/**
 * The tree in reading order, each unit with the names of the units above it (e.g. Bygglovsenheten
 * under Mölnåls stad › Byggnadsnämnden › Stadsbyggnadsförvaltningen). With a partial list (an
 * administrator who sees only their part), the path starts at the first unit they can see.
 */
export function placeOrgUnits(roots: readonly OrgTreeNode[]): PlacedOrgUnit[] {
  const result: PlacedOrgUnit[] = [];
  const visit = (node: OrgTreeNode, ancestors: string[]) => {
    result.push({ unit: node.unit, ancestors });
    for (const child of node.children) visit(child, [...ancestors, node.unit.name]);
  };
  for (const root of roots) visit(root, []);
  return result;
}
