/** The scoring kernel: every rule about a score, in one place, with no I/O. */
export * from './bands';
export * from './hundredths';
export * from './indices';
export * from './leaf-score';
export * from './ranks';
export * from './round-half-up';
