/**
 * Colours for chart marks. Each keeps at least 3:1 contrast against the white page (WCAG's
 * figure for graphical objects), and no chart relies on colour alone: every mark is also named
 * in the legend, the chart's description and its data table.
 */
export const SERIES_COLOURS = [
  '#1d4ed8',
  '#b45309',
  '#0b5d1e',
  '#8a1111',
  '#5b2a86',
  '#505050',
] as const;

/** Dash patterns, so that line series stay apart in greyscale print. */
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#1b1b1b';
}

export function seriesDash(index: number): string {
  return SERIES_DASHES[index % SERIES_DASHES.length] ?? '';
}
