// Who can be granted access (docs/contract.md, Access control): the caller's visible groups and a user search.
import { get } from './http';

export interface GroupRef {
  id: string;
  name: string;
}
export interface UserRef {
  id: string;
  name: string;
  email?: string;
}

export const directory = {
  groups: () => get<GroupRef[]>('/api/v1/groups/'),
  searchUsers: (query: string) => get<{ users: UserRef[]; total: number }>('/api/v1/users/search', { query: { query } })
};
