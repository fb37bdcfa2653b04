/*
 * The limits of the BDSS experiment (handleiding, "Monitoring en evaluatie"): it starts on
 * 1 May 2024 and runs at most five years, so it ends "uiterlijk op 1 mei 2029". That day itself is
 * outside: the last day a plan period may include is 30 April 2029.
 */
export const EXPERIMENT_START = '2024-05-01';
/** The first day outside the experiment. */
export const EXPERIMENT_END = '2029-05-01';
/** The last day a plan period may include. */
export const EXPERIMENT_LAST_DAY = '2029-04-30';
