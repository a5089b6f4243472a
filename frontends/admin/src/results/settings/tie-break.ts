/** The areas a draft's tie-break can use: every area code of its unit groups, once, in order. */
import type { Consolidation } from '@par/contracts';

export function areaCodesOf(draft: Pick<Consolidation, 'groups'>): string[] {
  return [...new Set(draft.groups.flatMap((group) => group.areas.map((area) => area.code)))];
}
