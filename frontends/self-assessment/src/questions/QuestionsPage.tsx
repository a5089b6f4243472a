/**
 * The «Hỏi đáp» area of a unit's officers: the questions citizens sent their own unit, answered,
 * published or rejected there (the screens the admin shares, `@par/question-ui`; routing stays
 * the admin's). The unit is the one in the officer's token; the service takes it from there too.
 */
import { useAuth } from '@par/auth';
import { QuestionsArea } from '@par/question-ui';

export default function QuestionsPage() {
  const { user } = useAuth();
  return <QuestionsArea scope={{ kind: 'ownUnit', unitCode: user.unit }} />;
}
