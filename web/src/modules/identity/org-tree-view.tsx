import { type Messages, useI18n } from '../../lib/i18n.tsx';
import type { OrgTreeNode } from './org-tree.ts';

/**
 * A unit's place in the tree: "Ingår i: Mölnåls stad › Byggnadsnämnden". The arrows are for the
 * eye; screen readers get the same path as one text with commas.
 */
export function OrgPath({
  ancestors,
  showLabel = false,
}: {
  ancestors: readonly string[];
  showLabel?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <span className="visually-hidden">{`${t.admin.partOf}: ${ancestors.join(', ')}`}</span>
      <span aria-hidden="true">
        {showLabel && `${t.admin.partOf}: `}
        {ancestors.join(' › ')}
      </span>
    </>
  );
}

function OrgTreeItems({ nodes, t }: { nodes: readonly OrgTreeNode[]; t: Messages }) {
  return (
    <ul>
      {nodes.map(({ unit, children }) => (
        <li key={unit.id}>
          <span className="org-unit">
            <span className="org-unit-name">{unit.name}</span>
            {unit.shortName && <span className="org-unit-short"> ({unit.shortName})</span>}
            <span className="org-unit-kind">
              <span className="visually-hidden">, </span>
              {t.orgUnitKinds[unit.kind]}
            </span>
          </span>
          {children.length > 0 && <OrgTreeItems nodes={children} t={t} />}
        </li>
      ))}
    </ul>
  );
}

/** The organisation as nested lists: screen readers announce each level and its size. */
export function OrgTreeView({ roots }: { roots: readonly OrgTreeNode[] }) {
  const { t } = useI18n();
  return (
    <div className="org-tree">
      <OrgTreeItems nodes={roots} t={t} />
    </div>
  );
}
