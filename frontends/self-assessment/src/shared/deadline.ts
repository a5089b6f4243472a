/** A unit's deadline as the pages say it: the moment in Vietnam time, and any extension. */
import { formatVietnamDateTime } from '@par/contracts';
import type { UnitDeadlineView } from '@par/contracts';

export interface DeadlineText {
  /** `30/06/2026 17:00`, the unit's own deadline (extension included). */
  endsAt: string;
  /** Present when the unit's deadline was extended beyond the common one. */
  extension: { commonEndsAt: string; reason: string } | null;
}

export function deadlineText(deadline: UnitDeadlineView): DeadlineText {
  return {
    endsAt: formatVietnamDateTime(deadline.endsAt),
    extension: deadline.extension
      ? {
          commonEndsAt: formatVietnamDateTime(deadline.commonEndsAt),
          reason: deadline.extension.reason,
        }
      : null,
  };
}
