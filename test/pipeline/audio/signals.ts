import type { Pcm } from '../../../lambdas/shared/ports';

/** A sine tone. */
export function sine(frequency: number, seconds: number, sampleRate = 16000, amplitude = 0.5, phase = 0): Pcm {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin(phase + (2 * Math.PI * frequency * i) / sampleRate);
  return { sampleRate, samples };
}

/** Deterministic white noise (a small LCG, so tests are repeatable). */
export function noise(seconds: number, sampleRate = 16000, amplitude = 0.3, seed = 1): Pcm {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  let s = seed;
  for (let i = 0; i < samples.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    samples[i] = amplitude * ((s / 2 ** 32) * 2 - 1);
  }
  return { sampleRate, samples };
}

export function silence(seconds: number, sampleRate = 16000): Pcm {
  return { sampleRate, samples: new Float32Array(Math.round(seconds * sampleRate)) };
}

export function concat(...parts: Pcm[]): Pcm {
  const samples = new Float32Array(parts.reduce((n, p) => n + p.samples.length, 0));
  let at = 0;
  for (const p of parts) {
    samples.set(p.samples, at);
    at += p.samples.length;
  }
  return { sampleRate: parts[0].sampleRate, samples };
}

/** Count of sign changes, to estimate a tone's frequency. */
export function zeroCrossings(samples: Float32Array): number {
  let n = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] < 0) !== (samples[i] < 0)) n++;
  return n;
}

export function maxStep(samples: Float32Array, from = 1, to = samples.length): number {
  let m = 0;
  for (let i = Math.max(1, from); i < Math.min(samples.length, to); i++) m = Math.max(m, Math.abs(samples[i] - samples[i - 1]));
  return m;
}
