/** Same rule as tools/ci/codeowners.mjs: a GitHub @user, @org/team, or an email. */
export const OWNER_PATTERN = /^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$|^[^@\s]+@[^@\s]+$/;

export function ownerProblems(owner: unknown): string[] {
  if (typeof owner !== 'string' || owner === '')
    return ['--owner is missing: give the owning team, e.g. @org/team-a'];
  if (!OWNER_PATTERN.test(owner))
    return [`--owner ${JSON.stringify(owner)} is not a GitHub @user, @org/team or email`];
  return [];
}

/**
 * The config's `team` slug (`^[a-z0-9-]+$`) for an owner: the team part of `@org/team`, the user of
 * `@user`, the local part of an email.
 */
export function teamSlug(owner: string): string {
  const raw = owner.startsWith('@') ? (owner.slice(1).split('/').pop() ?? '') : owner.split('@')[0];
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'team' : slug;
}
