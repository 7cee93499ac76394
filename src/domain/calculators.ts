/** The registry of calculators by the KIND named on the command line and in the API path. */
import type { Calculator } from './calculator.js';

// Each entry is a pure calculator from its own domain module.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const calculators: Record<string, Calculator<any, unknown>> = {};
