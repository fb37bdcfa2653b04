import type { Rule } from './rule.ts';
import { splitSum } from './split-sum.ts';
import { percentRange } from './percent-range.ts';
import { amountInvalid } from './amount-invalid.ts';
import { marketShareSum } from './market-share-sum.ts';
import { periodInvalid } from './period-invalid.ts';
import { periodOutsideExperiment } from './period-outside-experiment.ts';
import { targetGroupIncomplete } from './target-group-incomplete.ts';
import { postcodeInvalid } from './postcode-invalid.ts';
import { zvwWithoutProvider } from './zvw-without-provider.ts';
import { zvwWithoutInsurer } from './zvw-without-insurer.ts';
import { providerDomainMismatch } from './provider-domain-mismatch.ts';
import { doubleFundingOi } from './double-funding-oi.ts';
import { deductibleCharged } from './deductible-charged.ts';
import { leadMissing } from './lead-missing.ts';
import { duplicate } from './duplicate.ts';
import { codeInvalid } from './code-invalid.ts';
import { referenceMissing } from './reference-missing.ts';
import { oiWithoutGp } from './oi-without-gp.ts';
import { domainWithoutParty } from './domain-without-party.ts';
import { marketShareDate } from './market-share-date.ts';
import { titleAdz } from './title-adz.ts';
import { leadDomain } from './lead-domain.ts';
import { roleModel } from './role-model.ts';
import { providerZero } from './provider-zero.ts';
import { marketShareUncovered } from './market-share-uncovered.ts';
import { regularShareUnexplained } from './regular-share-unexplained.ts';
import { areaTotalMissing } from './area-total-missing.ts';
import { clauseEmpty } from './clause-empty.ts';

/** Every validation rule. The order is the order of findings within one row. */
export const RULES: readonly Rule[] = [
  splitSum,
  percentRange,
  amountInvalid,
  marketShareSum,
  periodInvalid,
  periodOutsideExperiment,
  targetGroupIncomplete,
  postcodeInvalid,
  zvwWithoutProvider,
  zvwWithoutInsurer,
  providerDomainMismatch,
  doubleFundingOi,
  deductibleCharged,
  leadMissing,
  duplicate,
  codeInvalid,
  referenceMissing,
  oiWithoutGp,
  domainWithoutParty,
  marketShareDate,
  titleAdz,
  leadDomain,
  roleModel,
  providerZero,
  marketShareUncovered,
  regularShareUnexplained,
  areaTotalMissing,
  clauseEmpty,
];
