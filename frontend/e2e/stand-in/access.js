// access_control checks (docs/contract.md, Access control) for the stand-in (owner and admins always pass).
export function makeAccess(state) {
  const inGroup = (user, ids = []) => ids.some((gid) => state.groups.get(gid)?.user_ids.includes(user.id));
  const granted = (user, grants) => !!grants && ((grants.user_ids ?? []).includes(user.id) || inGroup(user, grants.group_ids));
  /** `nullWrites`: channels treat null (public) as read and write (docs/contract.md, Access control). */
  return function allowed(user, obj, level, nullWrites = false) {
    if (user.role === 'admin' || obj.user_id === user.id) return true;
    const ac = obj.access_control;
    if (ac === null || ac === undefined) return level === 'read' || nullWrites;
    if (granted(user, ac.write)) return true;
    return level === 'read' && granted(user, ac.read);
  };
}
