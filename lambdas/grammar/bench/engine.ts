/**
 * What the grammar benchmark loads: the offline engine, bundled by the benchmark with the house
 * bundle options, so it measures the code Lambda runs rather than the development transpiler's.
 */
export { createOfflineCorrector } from '../offline';
export { startHarper } from '../harper';
