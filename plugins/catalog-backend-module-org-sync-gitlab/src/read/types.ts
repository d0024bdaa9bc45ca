/** The fields of a GitLab group this source uses (REST v4). */
export interface GitlabGroup {
  id: number;
  name: string;
  path: string;
  full_path: string;
  description?: string | null;
  parent_id?: number | null;
  avatar_url?: string | null;
}

/** The fields of a GitLab group member this source uses (REST v4). */
export interface GitlabMember {
  id: number;
  username: string;
  name?: string | null;
  /** `active`, `blocked`, `banned`, `deactivated`, `ldap_blocked`, ... */
  state?: string;
  avatar_url?: string | null;
  access_level?: number;
  /** Visible to group owners for enterprise users, and to administrators. */
  email?: string | null;
  public_email?: string | null;
  bot?: boolean;
  /** `awaiting` for members waiting for a seat or approval. */
  membership_state?: string;
}
