// The per-object access rule for the stand-in backend, the same rule as common-core's AccessRule;
// tests/standInAccess.test.js runs it against common-core's table of cases.
const GRANT_KEYS = { read: ['read', 'write'], write: ['write'] };

const lists = (grant, key, id) => Array.isArray(grant?.[key]) && grant[key].some((listed) => typeof listed === 'string' && listed === id);

/** `caller`: { id, groupIds, bypass } where bypass is an admin where the admin bypass applies. */
export function allows(mode, accessControl, ownerId, caller) {
  if (caller.bypass || (ownerId != null && ownerId === caller.id)) return true;
  if (accessControl === null || accessControl === undefined) return mode === 'read';
  if (typeof accessControl !== 'object' || Array.isArray(accessControl)) return false;
  return GRANT_KEYS[mode].some((key) => {
    const grant = accessControl[key];
    return lists(grant, 'user_ids', caller.id) || caller.groupIds.some((gid) => lists(grant, 'group_ids', gid));
  });
}

// Admins always pass (the stand-in runs with the admin bypass on, the default).
export function makeAccess(state) {
  const groupIdsOf = (user) => [...state.groups.values()].filter((g) => g.user_ids.includes(user.id)).map((g) => g.id);
  /** `nullWrites`: channels let everyone post when access_control is null. */
  return function allowed(user, obj, level, nullWrites = false) {
    if (nullWrites && (obj.access_control === null || obj.access_control === undefined)) return true;
    return allows(level, obj.access_control, obj.user_id, { id: user.id, groupIds: groupIdsOf(user), bypass: user.role === 'admin' });
  };
}
