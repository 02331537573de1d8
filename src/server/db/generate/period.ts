import { toDay } from './random.js';

/** The programme period every synthetic region shares, and the last day its data describe (fixed: same seed, same data). */
export const PERIOD_START = '2023-01-01';
export const PERIOD_END = '2028-12-31';
export const DATA_END = '2026-06-30';
export const PS = toDay(PERIOD_START);
export const END = toDay(DATA_END);
