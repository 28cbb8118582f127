import type { PlanStatus } from '@ntm/graphql-client';

// Colour is never the only signal: the badge always carries the status text.
export function StatusBadge({ status, label }: { status: PlanStatus; label: string }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{label}</span>;
}
