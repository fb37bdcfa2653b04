export * from './allocate.ts';
export * from './validate.ts';
export { payments, paymentLead, splitCents, fillTable } from './allocate/payments.ts';
export type { Payments, FunderPayments, PaymentLine, PaymentPeriod } from './allocate/payments.ts';
export * from './market-shares.ts';
