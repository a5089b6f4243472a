export { QuestionsArea } from './QuestionsArea';
export type { QuestionsAreaProps } from './QuestionsArea';
export type { QuestionScope } from './scope';
