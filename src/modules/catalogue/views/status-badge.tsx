/** A status as text with a colour; the colour is never the only carrier of the meaning. */
export const StatusBadge = ({ status, label }: { status: string; label: string }) => (
  <span class={`utrecht-badge-status cl-status cl-status--${status}`}>{label}</span>
);
