import { expect } from 'chai';
import { handbookPlan, expectFindings, expectNone } from './helpers.ts';
import { readPostcode } from '../../../src/engine/rules/postcode-invalid.ts';

const at = { section: 'targetGroups' as const, rowId: 'tg-ouderen', field: 'postcodes' };

describe('rule postcode-invalid', () => {
  it('reports each bad entry by its exact text', () => {
    const plan = handbookPlan();
    plan.targetGroups[0]!.postcodes = ['3811', '0999', '3811 AB', '38111', '3899-3810', 'Havenstad'];
    const found = expectFindings(
      plan,
      'postcode-invalid',
      Array.from({ length: 5 }, () => ({ severity: 'error' as const, location: at })),
    );
    expect(found.map((f) => f.message.en)).to.deep.equal([
      'Target group ‘Kwetsbare thuiswonende ouderen’: ‘0999’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099',
      'Target group ‘Kwetsbare thuiswonende ouderen’: ‘3811 AB’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099',
      'Target group ‘Kwetsbare thuiswonende ouderen’: ‘38111’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099',
      'Target group ‘Kwetsbare thuiswonende ouderen’: in the range ‘3899-3810’ the start is greater than the end',
      'Target group ‘Kwetsbare thuiswonende ouderen’: ‘Havenstad’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099',
    ]);
    plan.targetGroups[0]!.postcodes = ['3811', '1000', '9999', '3810-3899', '3900 – 3910'];
    expectNone(plan, 'postcode-invalid');
  });

  it('reads PC4 entries and ranges', () => {
    expect(['1000', '9999', '1000-1000', ' 5611-5658 '].map(readPostcode)).to.deep.equal(['ok', 'ok', 'ok', 'ok']);
    expect(['999', '10000', '0000-1000', '5611-', ''].map(readPostcode)).to.deep.equal([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(readPostcode('5658-5611')).to.equal('reversed');
  });
});
