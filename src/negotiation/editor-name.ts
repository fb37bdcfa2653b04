/*
 * Whose a browser's edits are, decided without the history code (and without Yjs): the planner
 * asks on every render, and a plan only looked at loads neither.
 */

/** What decides whose a browser's edits are (see editorName). */
export interface EditorContext {
  userName: string;
  /** Joining a workshop with a token: the server says who this is. */
  workshop: boolean;
  /** What the server said (a name, or null when the token names nobody); undefined until it did. */
  assigned?: string | null;
  /** The workshop refused the connection: there is no server to say it. */
  refused?: boolean;
}

/**
 * The name a browser's edits go under: in a workshop joined with a token, the name the server
 * assigned to it (the user-name when the token names nobody), and '' until the server has said
 * it, which holds the naming back (history-users.ts attribute); elsewhere the planner's user-name.
 */
export function editorName({ userName, workshop, assigned, refused = false }: EditorContext): string {
  if (!workshop || refused) return userName;
  if (assigned === undefined) return '';
  return assigned ?? userName;
}
