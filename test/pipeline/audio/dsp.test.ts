import { matchLevel, resample, rms, speechLevel, splice, splitAtPauses, trimSilence } from '../../../lambdas/pipeline/audio';
import { concat, maxStep, noise, silence, sine, zeroCrossings } from './signals';

describe('resample', () => {
  it('keeps duration and pitch when converting 44.1 kHz to 16 kHz and back up', () => {
    const tone = sine(440, 1, 44100);
    const down = resample(tone, 16000);
    expect(down.sampleRate).toBe(16000);
    expect(down.samples.length).toBe(16000);
    expect(zeroCrossings(down.samples) / 2).toBeCloseTo(440, -1);
    const up = resample(down, 48000);
    expect(up.samples.length).toBe(48000);
    expect(zeroCrossings(up.samples) / 2).toBeCloseTo(440, -1);
  });

  it('keeps the level of an in-band tone', () => {
    const down = resample(sine(1000, 1, 48000, 0.5), 16000);
    expect(rms(down.samples, 1000, 15000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('filters a tone above the new Nyquist frequency instead of aliasing it', () => {
    const down = resample(sine(11000, 1, 44100, 0.5), 16000);
    expect(rms(down.samples, 1000, 15000)).toBeLessThan(0.02);
  });

  it('handles ratios without a small common factor', () => {
    const odd = resample(sine(440, 1, 16000), 16001);
    expect(odd.samples.length).toBe(16001);
    expect(zeroCrossings(odd.samples) / 2).toBeCloseTo(440, -1);
    expect(rms(odd.samples, 1000, 15000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('returns the same PCM when the rate already matches', () => {
    const tone = sine(440, 0.1);
    expect(resample(tone, 16000)).toBe(tone);
  });
});

describe('levels', () => {
  it('measures RMS of a sine as amplitude / sqrt 2', () => {
    expect(rms(sine(300, 1, 16000, 0.8).samples)).toBeCloseTo(0.8 / Math.SQRT2, 3);
    expect(rms(new Float32Array(0))).toBe(0);
  });

  it('ignores pauses when measuring speech level', () => {
    const speech = noise(1, 16000, 0.3);
    const paused = concat(silence(2), speech, silence(2));
    expect(speechLevel(paused)).toBeCloseTo(speechLevel(speech), 2);
    expect(speechLevel(silence(1))).toBe(0);
  });

  it('matches a quiet clip to a target level', () => {
    const quiet = concat(silence(0.3), sine(200, 1, 16000, 0.05), silence(0.3));
    const matched = matchLevel(quiet, 0.2);
    expect(speechLevel(matched)).toBeCloseTo(0.2, 2);
    expect(matched.samples.length).toBe(quiet.samples.length);
  });

  it('never lets a boosted clip exceed full scale', () => {
    const matched = matchLevel(sine(200, 0.5, 16000, 0.5), 0.9);
    expect(Math.max(...matched.samples.map(Math.abs))).toBeLessThanOrEqual(1);
  });
});

describe('trimSilence', () => {
  it('cuts leading and trailing silence, keeping a short margin', () => {
    const clip = concat(silence(0.5), noise(1), silence(0.7));
    const trimmed = trimSilence(clip, 0.02);
    expect(trimmed.samples.length / 16000).toBeGreaterThanOrEqual(1);
    expect(trimmed.samples.length / 16000).toBeLessThanOrEqual(1.07);
  });

  it('turns pure silence into an empty clip', () => {
    expect(trimSilence(silence(1)).samples.length).toBe(0);
  });
});

describe('splice', () => {
  it('overlaps each joint by the crossfade length', () => {
    const a = noise(1).samples;
    const b = noise(0.5, 16000, 0.3, 7).samples;
    const c = noise(2, 16000, 0.3, 9).samples;
    const out = splice([a, b, c], 16000, 0.03);
    expect(out.samples.length).toBe(a.length + b.length + c.length - 2 * 480);
    expect(out.samples[100]).toBe(a[100]); // untouched away from the joints
    expect(out.samples[out.samples.length - 1]).toBe(c[c.length - 1]);
  });

  it('joins opposite signals without a click', () => {
    const up = new Float32Array(16000).fill(0.5);
    const down = new Float32Array(16000).fill(-0.5);
    expect(maxStep(splice([up, down], 16000, 0).samples)).toBeCloseTo(1, 5);
    const out = splice([up, down], 16000, 0.03).samples;
    expect(maxStep(out)).toBeLessThan(0.01);
  });

  it('keeps a phase-continuous tone smooth across the joint', () => {
    const tone = sine(200, 2).samples;
    const out = splice([tone.subarray(0, 16000), tone.subarray(16000 - 480)], 16000, 0.03).samples;
    expect(out.length).toBe(tone.length);
    expect(maxStep(out)).toBeLessThan(maxStep(tone) * 1.5);
  });

  it('shortens the crossfade for very short clips and skips empty ones', () => {
    const out = splice([new Float32Array(100).fill(0.1), new Float32Array(0), new Float32Array(40).fill(0.1)], 16000, 0.03);
    expect(out.samples.length).toBe(100 + 40 - 20);
  });
});

describe('splitAtPauses', () => {
  it('cuts a long recording in the pause nearest the middle', () => {
    const pcm = concat(noise(14), silence(0.5), noise(16));
    const cuts = splitAtPauses(pcm, 2, 10, 3);
    expect(cuts).toHaveLength(3);
    expect(cuts[1] / 16000).toBeGreaterThan(14);
    expect(cuts[1] / 16000).toBeLessThan(14.5);
  });

  it('does not split short recordings', () => {
    expect(splitAtPauses(noise(5), 4, 15)).toEqual([0, 5 * 16000]);
  });
});
