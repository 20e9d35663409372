import type { Pcm } from '../../shared/ports';

/** Zero crossings each side of the resampling kernel: enough for speech, cheap in JS. */
const SINC_ZEROS = 8;
const TABLE_STEPS = 512;
/** Kaiser-like window baked into a table once: sinc(x) * blackman(x / SINC_ZEROS). */
const KERNEL = (() => {
  const table = new Float32Array(SINC_ZEROS * TABLE_STEPS + 2);
  for (let i = 0; i < table.length; i++) {
    const x = i / TABLE_STEPS;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w = x >= SINC_ZEROS ? 0 : 0.42 + 0.5 * Math.cos((Math.PI * x) / SINC_ZEROS) + 0.08 * Math.cos((2 * Math.PI * x) / SINC_ZEROS);
    table[i] = sinc * w;
  }
  return table;
})();

function kernel(x: number): number {
  const ax = Math.abs(x) * TABLE_STEPS;
  const i = Math.floor(ax);
  if (i >= KERNEL.length - 1) return 0;
  const f = ax - i;
  return KERNEL[i] * (1 - f) + KERNEL[i + 1] * f;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Band-limited (windowed-sinc) resampling; the cut-off follows the lower of the two rates. For
 * rational ratios with few phases (all the usual rates) the weights are computed once per phase.
 */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`invalid sample rate ${sampleRate}`);
  if (pcm.sampleRate === sampleRate) return pcm;
  const input = pcm.samples;
  const ratio = sampleRate / pcm.sampleRate;
  const length = Math.round(input.length * ratio);
  const out = new Float32Array(length);
  const scale = Math.min(1, ratio) * 0.97; // a little below Nyquist against aliasing
  const reach = Math.ceil(SINC_ZEROS / scale);
  const g = gcd(sampleRate, pcm.sampleRate);
  const up = sampleRate / g; // output step = down / up input samples
  const down = pcm.sampleRate / g;
  if (Number.isInteger(pcm.sampleRate) && up <= 4096) {
    const taps = 2 * reach + 1;
    const weights = new Float32Array(up * taps);
    for (let phase = 0; phase < up; phase++) {
      for (let k = 0; k < taps; k++) weights[phase * taps + k] = kernel((k - reach - phase / up) * scale) * scale;
    }
    for (let j = 0; j < length; j++) {
      const base = Math.floor((j * down) / up);
      const phase = (j * down) % up;
      const w = phase * taps;
      let sum = 0;
      const first = base - reach;
      const from = Math.max(0, -first);
      const to = Math.min(taps, input.length - first);
      for (let k = from; k < to; k++) sum += input[first + k] * weights[w + k];
      out[j] = sum;
    }
    return { sampleRate, samples: out };
  }
  for (let j = 0; j < length; j++) {
    const centre = j / ratio;
    const from = Math.max(0, Math.ceil(centre - reach));
    const to = Math.min(input.length - 1, Math.floor(centre + reach));
    let sum = 0;
    for (let i = from; i <= to; i++) sum += input[i] * kernel((i - centre) * scale);
    out[j] = sum * scale;
  }
  return { sampleRate, samples: out };
}

/** Root mean square of samples[from, to). */
export function rms(samples: Float32Array, from = 0, to = samples.length): number {
  const a = Math.max(0, from);
  const b = Math.min(samples.length, to);
  if (b <= a) return 0;
  let sum = 0;
  for (let i = a; i < b; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / (b - a));
}

/** RMS of consecutive frames of `frameSeconds`. */
export function frameLevels(pcm: Pcm, frameSeconds = 0.02): Float32Array {
  const size = Math.max(1, Math.round(pcm.sampleRate * frameSeconds));
  const count = Math.ceil(pcm.samples.length / size);
  const levels = new Float32Array(count);
  for (let f = 0; f < count; f++) levels[f] = rms(pcm.samples, f * size, (f + 1) * size);
  return levels;
}

/**
 * Level of the speech itself: RMS over the frames within 30 dB of the loudest one, so pauses
 * and trailing silence do not drag the figure down. 0 for silence.
 */
export function speechLevel(pcm: Pcm): number {
  const levels = frameLevels(pcm);
  let peak = 0;
  for (const l of levels) peak = Math.max(peak, l);
  if (peak < 1e-5) return 0;
  const floor = peak * 0.0316; // -30 dB
  let sum = 0;
  let n = 0;
  for (const l of levels) {
    if (l >= floor) {
      sum += l * l;
      n++;
    }
  }
  return Math.sqrt(sum / n);
}

/** Scales `pcm` so its speech level equals `targetLevel` (gain capped at ±26 dB, samples clamped to [-1, 1]). */
export function matchLevel(pcm: Pcm, targetLevel: number): Pcm {
  const current = speechLevel(pcm);
  if (current === 0 || targetLevel <= 0) return pcm;
  const gain = Math.min(20, Math.max(0.05, targetLevel / current));
  const out = new Float32Array(pcm.samples.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(-1, Math.min(1, pcm.samples[i] * gain));
  return { sampleRate: pcm.sampleRate, samples: out };
}

/**
 * Cuts leading and trailing silence (frames more than 40 dB under the loudest), keeping
 * `marginSeconds` so word onsets and releases survive.
 */
export function trimSilence(pcm: Pcm, marginSeconds = 0.02): Pcm {
  const frameSeconds = 0.01;
  const size = Math.max(1, Math.round(pcm.sampleRate * frameSeconds));
  const levels = frameLevels(pcm, frameSeconds);
  let peak = 0;
  for (const l of levels) peak = Math.max(peak, l);
  if (peak < 1e-5) return { sampleRate: pcm.sampleRate, samples: new Float32Array(0) };
  const floor = peak * 0.01;
  let first = 0;
  while (first < levels.length && levels[first] < floor) first++;
  let last = levels.length - 1;
  while (last > first && levels[last] < floor) last--;
  const margin = Math.round(marginSeconds * pcm.sampleRate);
  const from = Math.max(0, first * size - margin);
  const to = Math.min(pcm.samples.length, (last + 1) * size + margin);
  return { sampleRate: pcm.sampleRate, samples: pcm.samples.slice(from, to) };
}

/** Default crossfade at each splice. */
export const CROSSFADE_SECONDS = 0.03;

/**
 * Joins clips with equal-power crossfades: each joint overlaps the end of one clip with the start
 * of the next by `crossfadeSeconds` (shortened when a clip is too short to give that much).
 */
export function splice(clips: readonly Float32Array[], sampleRate: number, crossfadeSeconds = CROSSFADE_SECONDS): Pcm {
  const parts = clips.filter((c) => c.length > 0);
  if (parts.length === 0) return { sampleRate, samples: new Float32Array(0) };
  const wanted = Math.round(crossfadeSeconds * sampleRate);
  const overlaps: number[] = [];
  for (let k = 1; k < parts.length; k++) {
    overlaps.push(Math.max(0, Math.min(wanted, Math.floor(parts[k - 1].length / 2), Math.floor(parts[k].length / 2))));
  }
  const total = parts.reduce((n, p) => n + p.length, 0) - overlaps.reduce((n, o) => n + o, 0);
  const out = new Float32Array(total);
  let at = 0;
  parts.forEach((part, k) => {
    const fadeIn = k === 0 ? 0 : overlaps[k - 1];
    for (let i = 0; i < part.length; i++) {
      if (i < fadeIn) {
        const t = (i + 0.5) / fadeIn;
        out[at + i] = out[at + i] * Math.cos((t * Math.PI) / 2) + part[i] * Math.sin((t * Math.PI) / 2);
      } else {
        out[at + i] = part[i];
      }
    }
    at += part.length - (k < overlaps.length ? overlaps[k] : 0);
  });
  return { sampleRate, samples: out };
}

/** Samples[from, to) of `pcm` by time in seconds, clamped to the recording. */
export function sliceSeconds(pcm: Pcm, fromSeconds: number, toSeconds: number): Float32Array {
  const from = Math.max(0, Math.min(pcm.samples.length, Math.round(fromSeconds * pcm.sampleRate)));
  const to = Math.max(from, Math.min(pcm.samples.length, Math.round(toSeconds * pcm.sampleRate)));
  return pcm.samples.subarray(from, to);
}
