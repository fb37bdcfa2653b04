import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PALETTE, cleanName, peersFrom, parseSelection } from '../../../src/sync/collab/presence.ts';
import { closeError, refusalError } from '../../../src/sync/collab/errors.ts';

test('peers: everyone but me, sorted by name, hostile states made harmless', () => {
  const states = new Map<number, unknown>([
    [1, { name: 'Me', color: '#000000', selection: null }],
    [2, { name: 'Zoë', color: '#ABCDEF', selection: { section: 'activities', rowId: 'a1', field: 'name' } }],
    [
      3,
      {
        name: '<img src=x onerror=alert(1)>'.repeat(10),
        color: 'red; background:url(x)',
        selection: { section: 'activities', rowId: '"><script>' },
      },
    ],
    [
      4,
      {
        name: 42,
        color: null,
        selection: { section: 'split', rowId: 'default', domainId: 'zvw', __proto__: { polluted: true } },
      },
    ],
    [5, {}],
    [6, null],
  ]);
  const peers = peersFrom(states, 1);
  assert.deepEqual(
    peers.map((p) => p.clientId),
    [4, 3, 2],
    'sorted by name, me and empty states left out',
  );
  const [four, three, two] = peers;
  assert.deepEqual(two, {
    clientId: 2,
    name: 'Zoë',
    color: '#abcdef',
    selection: { section: 'activities', rowId: 'a1', field: 'name' },
  });
  assert.equal(three!.name.length, 60, 'names are capped');
  assert.equal(three!.color, PALETTE[3 % PALETTE.length], 'a colour that is not #rrggbb is replaced');
  assert.equal(three!.selection, null, 'a selection with an unsafe id is dropped');
  assert.equal(four!.name, '');
  assert.deepEqual(four!.selection, { section: 'split', rowId: 'default', domainId: 'zvw' });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('names lose control characters; selections must name a known section', () => {
  assert.equal(cleanName('  Ann\u0000a\n '), 'Ann a');
  assert.equal(parseSelection({ section: 'nope', rowId: 'a' }), null);
  assert.equal(parseSelection('a1'), null);
  assert.deepEqual(parseSelection({ section: 'funders', rowId: 'f-1', extra: 'ignored' }), {
    section: 'funders',
    rowId: 'f-1',
  });
});

test('server reasons and close codes become messages in nl and en', () => {
  for (const reason of ['token-missing', 'token-invalid', 'room-not-allowed', 'room-invalid']) {
    const e = refusalError(reason);
    assert.equal(e.code, reason);
    assert.equal(e.retrying, false);
    assert.ok(e.message.nl !== e.message.en && e.message.nl.length > 10);
  }
  const other = refusalError('<b>custom</b>');
  assert.equal(other.code, 'refused');
  assert.match(other.message.en, /\(bcustomb\)/, 'an unknown reason is shown, stripped of markup');
  assert.equal(closeError(4429)!.code, 'rate-limited');
  assert.equal(closeError(4429)!.retrying, true);
  assert.equal(closeError(1009)!.code, 'too-large');
  assert.equal(closeError(4400)!.code, 'malformed');
  assert.equal(closeError(1012), null, 'a server restart needs no message');
  assert.equal(closeError(1006), null, 'nor a network drop');
});
