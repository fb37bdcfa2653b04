import { test } from 'node:test';
import assert from 'node:assert/strict';
import Decimal from 'decimal.js';

test('decimal runs in node', () => {
  assert.equal(new Decimal('0.1').plus('0.2').toString(), '0.3');
});
