/** The portal's deployable back-end services (each a Moleculer node with its own database). */
export const serviceNames = ['accounts', 'assessment', 'appraisal', 'ranking', 'evidence'] as const;
export type ServiceName = (typeof serviceNames)[number];
