/**
 * The indicator chart, drawn with uPlot. This module is imported only when a chart is shown, so uPlot
 * (about 23 kB gzip) is a chunk of its own and not part of the app's first load.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { labelledPositions } from '@shared/logic/timeAxis.ts';

export type ChartLineStyle = 'outcome' | 'target' | 'average' | 'peer';

export interface ChartLine {
  label: string;
  style: ChartLineStyle;
  /** One value per x position; null where the line has no value. */
  values: (number | null)[];
}

export interface ChartInput {
  /** The label under each x position (a period). */
  xLabels: string[];
  /** Where each x position stands on the time axis (see timePositions), so periods are spaced by their dates. */
  xPositions: number[];
  lines: ChartLine[];
  formatY: (value: number) => string;
  height: number;
}

export interface ChartHandle {
  /** The lines uPlot was given, with the colour and dash each got, for the legend. */
  drawn: { label: string; style: ChartLineStyle; color: string; dash: number[] }[];
  resize: (width: number) => void;
  destroy: () => void;
}

/**
 * Outcome lines differ in dash as well as in colour, so they are told apart without colour; the target is
 * a long dash and the national average dots, in the text colour rather than a data colour.
 */
const OUTCOME_DASHES: number[][] = [[], [10, 4], [4, 4], [12, 4, 2, 4], [2, 3], [16, 6]];
const OUTCOME_COLOURS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];
/** Peer regions are context, not the plan's own figures: thin, muted, and told apart by dash. */
const PEER_DASHES: number[][] = [[6, 3, 1, 3], [3, 3], [9, 3, 3, 3], [1, 3]];

/** A CSS custom property as a colour canvas understands (the variables use light-dark(), which canvas does not). */
function resolveColour(host: HTMLElement, variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  host.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

export function drawChart(host: HTMLElement, input: ChartInput, width: number): ChartHandle {
  const text = resolveColour(host, '--text');
  const muted = resolveColour(host, '--muted');
  const grid = resolveColour(host, '--border');
  const font = `13px ${getComputedStyle(host).fontFamily}`;
  let outcomeIndex = 0;
  let peerIndex = 0;
  const drawn = input.lines.map((line) => {
    if (line.style === 'target') return { label: line.label, style: line.style, color: text, dash: [8, 6] };
    if (line.style === 'average') return { label: line.label, style: line.style, color: muted, dash: [1, 5] };
    if (line.style === 'peer') return { label: line.label, style: line.style, color: muted, dash: PEER_DASHES[peerIndex++ % PEER_DASHES.length]! };
    const i = outcomeIndex++ % OUTCOME_COLOURS.length;
    return { label: line.label, style: line.style, color: resolveColour(host, OUTCOME_COLOURS[i]!), dash: OUTCOME_DASHES[i]! };
  });
  const first = Math.min(...input.xPositions);
  const last = Math.max(...input.xPositions);
  const pad = Math.max((last - first) * 0.04, 0.5);
  const labelAt = new Map(input.xPositions.map((x, i) => [x, input.xLabels[i] ?? '']));
  /** The least room, in CSS pixels, one axis label takes. */
  const LABEL_ROOM = 64;
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = font;

  const options: uPlot.Options = {
    width,
    height: input.height,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => (last === first ? [first - 1, last + 1] : [first - pad, last + pad]) },
      y: {
        range: (_u, min, max) => {
          // From zero when every value is positive: a line that starts at 18 % would make 20 % look like twice as much.
          const low = min >= 0 ? 0 : min - (max - min) * 0.1;
          const high = max <= 0 ? 0 : max + (max - low) * 0.1;
          return low === high ? [low - 1, high + 1] : [low, high];
        },
      },
    },
    axes: [
      {
        stroke: text,
        font,
        grid: { show: false },
        ticks: { stroke: grid },
        // Ticks at the periods themselves, as many as their labels have room for.
        splits: (u) => {
          const plotWidth = u.bbox.width / uPlot.pxRatio || u.width;
          return labelledPositions(input.xPositions, ((last - first + 2 * pad) * LABEL_ROOM) / plotWidth);
        },
        values: (_u, splits) => splits.map((s) => labelAt.get(s) ?? ''),
      },
      {
        stroke: text,
        font,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid },
        values: (_u, splits) => splits.map((s) => input.formatY(s)),
        size: (_u, values) => Math.ceil(Math.max(40, ...(values ?? []).map((v) => measure?.measureText(v).width ?? 40)) + 18),
      },
    ],
    series: [
      {},
      ...input.lines.map((line, i) => ({
        label: line.label,
        stroke: drawn[i]!.color,
        width: line.style === 'outcome' ? 3 : line.style === 'average' ? 3 : 2,
        dash: drawn[i]!.dash,
        cap: line.style === 'average' ? ('round' as const) : ('butt' as const),
        spanGaps: true,
        points: line.style === 'outcome' ? { show: true, size: 8, width: 2, stroke: drawn[i]!.color, fill: resolveColour(host, '--surface') } : { show: false },
      })),
    ],
  };
  const data: uPlot.AlignedData = [input.xPositions, ...input.lines.map((line) => line.values)];
  const chart = new uPlot(options, data, host);
  return {
    drawn,
    resize: (newWidth) => chart.setSize({ width: newWidth, height: input.height }),
    destroy: () => chart.destroy(),
  };
}
