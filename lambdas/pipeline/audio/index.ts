/** Audio work on mono Float32 PCM: WAV I/O, resampling, levels, splicing, and the two render modes. */
export { parseWav, parseWavChannels, readWavHeader, writeWav, isWav, downmix, WavFormatError, type WavHeader } from './wav';
export { resample, rms, frameLevels, speechLevel, matchLevel, trimSilence, splice, sliceSeconds, CROSSFADE_SECONDS } from './dsp';
export { planSpans, isAudible, spokenForm, type SpeechSpan, type PlanOptions } from './plan';
export { renderOwnVoice, renderFull, type OwnVoiceInput, type OwnVoiceResult } from './render';
export { sniffFormat, type SniffedFormat } from './sniff';
export { probeHeader, mp3Duration, flacDuration, oggInfo, type OggCodec } from './sniff';
export { AudioDecodeError } from './errors';
export { splitAtPauses } from './segments';
