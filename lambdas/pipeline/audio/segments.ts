import type { Pcm } from '../../shared/ports';
import { frameLevels } from './dsp';

/**
 * Sample offsets that cut `pcm` into up to `parts` pieces of similar length, each cut moved to
 * the quietest 50 ms frame within `searchSeconds` of its ideal place, so no word is split.
 * Pieces shorter than `minSeconds` are not made. Returns the boundaries including 0 and the end.
 */
export function splitAtPauses(pcm: Pcm, parts: number, minSeconds = 15, searchSeconds = 3): number[] {
  const total = pcm.samples.length;
  const count = Math.max(1, Math.min(parts, Math.floor(total / pcm.sampleRate / minSeconds)));
  if (count <= 1) return [0, total];
  const frameSeconds = 0.05;
  const frame = Math.round(pcm.sampleRate * frameSeconds);
  const levels = frameLevels(pcm, frameSeconds);
  const reach = Math.round(searchSeconds / frameSeconds);
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    const ideal = Math.round((levels.length * k) / count);
    let best = ideal;
    for (let f = Math.max(1, ideal - reach); f <= Math.min(levels.length - 2, ideal + reach); f++) {
      if (levels[f] < levels[best]) best = f;
    }
    cuts.push(best * frame + Math.floor(frame / 2));
  }
  cuts.push(total);
  return cuts;
}
