import * as Y from 'yjs';

/*
 * What a Y.Doc holds pending: structs whose origin is not there yet (`pendingStructs`, with the
 * clock each waits for per client) and deletions of content not there yet (`pendingDs`). Yjs keeps
 * both and integrates them inside the transaction of the update that brings what they wait for.
 * room-check.ts holds updates that leave something pending, and tells whose held content an update
 * would complete.
 */

/** The clients whose content the doc's pending structs and deletions wait for. */
export function awaitedClients(doc: Y.Doc): Set<number> {
  const out = new Set<number>();
  const { pendingStructs, pendingDs } = doc.store;
  for (const client of pendingStructs?.missing.keys() ?? []) out.add(client);
  if (pendingDs) for (const client of Y.decodeUpdateV2(pendingDs).ds.clients.keys()) out.add(client);
  return out;
}

/** The clients an update (v1) brings structs of. */
export function writtenClients(update: Uint8Array): Set<number> {
  return new Set(Y.parseUpdateMeta(update).to.keys());
}

/**
 * What the doc holds pending, as a value that changes when an update adds to it (or completes part
 * of it). Pending deletions are re-encoded by every update, so they are compared by what they delete.
 */
export function pendingMark(doc: Y.Doc): string {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return '';
  const structs = pendingStructs
    ? [...pendingStructs.missing].map(([c, k]) => `${c}@${k}`).join(',') + `#${pendingStructs.update.byteLength}`
    : '';
  const deletes: string[] = [];
  if (pendingDs)
    for (const [client, items] of Y.decodeUpdateV2(pendingDs).ds.clients)
      for (const d of items) deletes.push(`${client}:${d.clock}+${d.len}`);
  return `${structs}|${deletes.sort().join(',')}`;
}
