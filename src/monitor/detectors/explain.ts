import type { DetectorStep } from './detector.ts';

export interface ExplainOptions {
  /** What the series measures, e.g. "p95 of /v1/swap on polygon". */
  metric?: string;
  /** Unit of the values: `ms` and `s` are rendered as durations, `%` as a percentage, anything else is appended. */
  unit?: string;
  /** Time zone used for "started HH:MM" (IANA name); UTC by default. */
  timeZone?: string;
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function sig(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1).replace(/\.0$/, '');
  return Number(x.toPrecision(2)).toString();
}

/** Renders a value in its unit (`2900` ms → "2.9 s"). */
export function formatValue(x: number, unit?: string): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (unit === 'ms') return Math.abs(x) >= 1000 ? `${sig(x / 1000)} s` : `${sig(x)} ms`;
  if (unit === 's') return Math.abs(x) < 1 ? `${sig(x * 1000)} ms` : `${sig(x)} s`;
  if (unit === '%') return `${sig(x)}%`;
  return unit ? `${sig(x)} ${unit}` : sig(x);
}

function clock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(ms));
}

function basisPhrase(step: DetectorStep, timeMs: number, timeZone: string): string {
  switch (step.basis) {
    case 'hour-of-day':
      return 'for this hour';
    case 'day-of-week':
      return `for this hour on a ${weekdays[new Date(timeMs).getUTCDay()]}`;
    case 'ewma':
      return 'recent average';
    case 'shift':
      return `level before ${clock(step.sinceMs, timeZone)}`;
    default:
      return 'recent median';
  }
}

/**
 * One sentence saying why a point is unusual, e.g. "p95 of /v1/swap on polygon is 2.9 s, 6.1× its
 * usual 470 ms for this hour; started 10:42".
 */
export function explainStep(step: DetectorStep, timeMs: number, options: ExplainOptions = {}): string {
  const tz = options.timeZone ?? 'UTC';
  const what = options.metric ?? 'the value';
  const started = `started ${clock(step.sinceMs, tz)}`;
  if (step.basis === 'volatility') {
    const dir = step.deviation >= 0 ? 'much more jumpy than' : 'much flatter than';
    return `${what} is ${dir} usual (it normally moves about ${formatValue(step.expected, options.unit)} per point; ${step.deviation >= 0 ? '+' : ''}${step.deviation.toFixed(1)} spreads); ${started}`;
  }
  const value = formatValue(step.value, options.unit);
  const usual = `${formatValue(step.expected, options.unit)} ${basisPhrase(step, timeMs, tz)}`;
  const usualWord = step.basis === 'shift' ? 'its' : 'its usual';
  let cmp: string;
  const ratio = step.value / step.expected;
  if (step.expected > 0 && step.value === 0) {
    cmp = `down from ${usualWord} ${usual}`;
  } else if (step.expected > 0 && step.value > 0 && (ratio >= 1.5 || ratio <= 1 / 1.5)) {
    cmp = ratio >= 1 ? `${sig(ratio)}× ${usualWord} ${usual}` : `${Math.round((1 - ratio) * 100)}% below ${usualWord} ${usual}`;
  } else {
    cmp = `${Math.abs(step.deviation).toFixed(1)} spreads ${step.deviation >= 0 ? 'above' : 'below'} ${usualWord} ${usual}`;
  }
  return `${what} is ${value}, ${cmp}; ${started}`;
}
