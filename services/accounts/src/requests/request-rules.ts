/** The pure rules of account requests: whose units a requester may ask for, and which decisions stand. */
import type { AccountRequestStatus, MessageKey } from '@par/contracts';

/** A unit as the tree needs it: its code and its parent's id. */
export interface UnitLink {
  id: string;
  code: string;
  parentId: string | null;
}

/**
 * Whether `targetCode` is `rootCode` or lies below it, following the parent links upwards.
 * A cycle in the links (a data error) ends the walk with `false` rather than looping.
 */
export function isWithinSubtree(
  targetCode: string,
  rootCode: string,
  units: readonly UnitLink[],
): boolean {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const seen = new Set<string>();
  let unit = units.find((candidate) => candidate.code === targetCode);
  while (unit && !seen.has(unit.id)) {
    if (unit.code === rootCode) return true;
    seen.add(unit.id);
    unit = unit.parentId ? byId.get(unit.parentId) : undefined;
  }
  return false;
}

/**
 * The codes of `rootCode` and every unit below it, the root first and each level after the one
 * above; a cycle in the links (a data error) cannot make it loop.
 */
export function subtreeCodes(rootCode: string, units: readonly UnitLink[]): string[] {
  const root = units.find((unit) => unit.code === rootCode);
  if (!root) return [];
  const children = new Map<string, UnitLink[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  const seen = new Set([root.id]);
  const order = [root];
  for (let i = 0; i < order.length; i += 1) {
    const below = (children.get(order[i]!.id) ?? []).filter((unit) => !seen.has(unit.id));
    below.sort((a, b) => a.code.localeCompare(b.code));
    for (const unit of below) {
      seen.add(unit.id);
      order.push(unit);
    }
  }
  return order.map((unit) => unit.code);
}

/**
 * Why an admin's decision on a request cannot stand, or null when it can: only a pending
 * request is decided (that it is the version the admin saw is the versioned write's check).
 */
export function decisionRefusal(request: { status: AccountRequestStatus }): MessageKey | null {
  return request.status === 'pending' ? null : 'accountRequest.alreadyDecided';
}

/**
 * Keycloak's name fields from a Vietnamese full name: the family name comes first
 * (`Nguyễn Văn An` → last `Nguyễn`, first `Văn An`).
 */
export function splitFullName(fullName: string): { firstName: string | null; lastName: string } {
  const [family, ...given] = fullName.trim().split(/\s+/);
  return { firstName: given.length ? given.join(' ') : null, lastName: family ?? fullName };
}

/** The n-th username for the same unit and role: `base`, then `base.2`, `base.3`, … */
export function numberedUsername(base: string, n: number): string {
  return n <= 1 ? base : `${base}.${n}`;
}
