/** Durations for people: milliseconds below a second, seconds with one decimal above. */
export function formatDuration(durationMs: number): string {
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  return `${(durationMs / 1000).toFixed(1)} s`;
}

/** An ISO timestamp as an unambiguous UTC time; anything unparsable is shown as recorded. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;

  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
