/** The registry of calculators by the KIND named on the command line and in the API path. */
import { agreementCalculator } from './agreement/agreement.calculator.js';
import type { Calculator } from './calculator.js';
import { criterionCalculator } from './criterion/criterion.calculator.js';
import { gasCalculator } from './gas/gas.calculator.js';
import { masteryCalculator } from './mastery/mastery.calculator.js';
import { progressCalculator } from './progress/progress.calculator.js';

/** Each entry is a pure calculator from its own domain module. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const calculators: Readonly<Record<string, Calculator<any, unknown>>> = {
  mastery: masteryCalculator,
  progress: progressCalculator,
  criterion: criterionCalculator,
  gas: gasCalculator,
  agreement: agreementCalculator,
};
