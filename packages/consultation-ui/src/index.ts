export { ConsultationsArea } from './ConsultationsArea';
export type { ConsultationsAreaProps } from './ConsultationsArea';
export type { ConsultationScope } from './scope';
