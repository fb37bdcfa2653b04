export {
  connectCollab,
  type CollabOptions,
  type CollabSession,
  type CollabStatus,
  type CollabTarget,
} from './connect.ts';
export { type CollabError, type CollabErrorCode } from './errors.ts';
export { CellRef, PALETTE, type AssignedIdentity, type Peer } from './presence.ts';
