/** The scoring kernel: every rule about a score, in one place, with no I/O. */
export {};
export * from './completeness';
