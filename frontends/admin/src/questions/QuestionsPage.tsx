/**
 * The «Hỏi đáp» area: every unit's citizens' questions, routing, answers, publishing and the
 * time to answer per unit (the screens the unit officers share, `@par/question-ui`).
 */
import { QuestionsArea } from '@par/question-ui';

export default function QuestionsPage() {
  return <QuestionsArea scope={{ kind: 'all' }} />;
}
