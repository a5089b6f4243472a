/**
 * The "Góp ý dự thảo" area of a unit's officers: their own unit's draft policies put out for
 * comment, moderation and summary (the screens the admin shares, `@par/consultation-ui`). The
 * unit is the one in the officer's token; the service takes it from there too.
 */
import { useAuth } from '@par/auth';
import { ConsultationsArea } from '@par/consultation-ui';

export default function ConsultationsPage() {
  const { user } = useAuth();
  return <ConsultationsArea scope={{ kind: 'ownUnit', unitCode: user.unit }} />;
}
