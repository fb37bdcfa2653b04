import { expect } from 'chai';
import Decimal from 'decimal.js';
import { sendKeys } from '@web/test-runner-commands';

describe('smoke', () => {
  it('runs decimal in chromium', async () => {
    expect(new Decimal('0.1').plus('0.2').toString()).to.equal('0.3');
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await sendKeys({ type: 'abc' });
    expect(input.value).to.equal('abc');
  });
});
