/**
 * The "Góp ý dự thảo" area: every unit's draft policies put out for comment, each one's
 * moderation queue and summary (the screens the unit officers share, `@par/consultation-ui`).
 */
import { ConsultationsArea } from '@par/consultation-ui';

export default function ConsultationsPage() {
  return <ConsultationsArea scope={{ kind: 'all' }} />;
}
