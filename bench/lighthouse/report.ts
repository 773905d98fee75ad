/** Medians of the runs, and the side-by-side table the benchmark prints. Pure functions. */
import type {Device, Sample} from './audit';

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each metric's median over the samples, separately (not the sample with the median score). */
export function medianSample(samples: readonly Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  return {score: of('score'), lcpMs: of('lcpMs'), tbtMs: of('tbtMs'), cls: of('cls'), totalBytes: of('totalBytes'), jsBytes: of('jsBytes')};
}

export interface Column {
  /** e.g. "ours /docs/office365/" */
  label: string;
  samples: Sample[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ROWS: Array<[string, (sample: Sample) => string]> = [
  ['score', (s) => s.score.toFixed(2)],
  ['LCP', (s) => `${(s.lcpMs / 1000).toFixed(2)} s`],
  ['TBT', (s) => `${Math.round(s.tbtMs)} ms`],
  ['CLS', (s) => s.cls.toFixed(3)],
  ['transferred, all', (s) => kb(s.totalBytes)],
  ['transferred, JS', (s) => kb(s.jsBytes)],
];

/** One block of rows per device: the metric, then one column per page. */
export function table(device: Device, runs: number, columns: readonly Column[]): string {
  const width = Math.max(24, ...columns.map((column) => column.label.length + 2));
  const medians = columns.map((column) => medianSample(column.samples));
  const head = `${device}, median of ${runs}`.padEnd(20) + columns.map((column) => column.label.padStart(width)).join('');
  const lines = ROWS.map(([name, format]) => name.padEnd(20) + medians.map((sample) => format(sample).padStart(width)).join(''));
  return [head, ...lines].join('\n');
}

/** Rounded for the JSON line: scores and CLS to 3 places, times to whole ms, bytes whole. */
export function rounded(sample: Sample): Sample {
  return {
    score: Math.round(sample.score * 1000) / 1000,
    lcpMs: Math.round(sample.lcpMs),
    tbtMs: Math.round(sample.tbtMs),
    cls: Math.round(sample.cls * 1000) / 1000,
    totalBytes: Math.round(sample.totalBytes),
    jsBytes: Math.round(sample.jsBytes),
  };
}
