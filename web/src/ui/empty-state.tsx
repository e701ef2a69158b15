import type { ReactNode } from 'react';

/** A friendly note in place of an empty list. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
