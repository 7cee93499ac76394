/**
 * The calculators behind `trellis calc KIND` and `POST /api/calc/KIND`: each checks one JSON
 * request and answers it. Checking returns a problem naming the field instead of throwing,
 * so the CLI (exit status 2) and the API (400) report bad input the same way.
 */

export type CheckResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export interface Calculator<Request, Answer> {
  /** Checks raw JSON; a problem reads like "scores[2]: 7 is above the scale's max of 4". */
  check(input: unknown): CheckResult<Request>;
  answer(request: Request): Answer;
}

/** One answer, or one problem, for a request or for each request in an array. */
export function runCalculator<Req, Ans>(
  calculator: Calculator<Req, Ans>,
  input: unknown,
): CheckResult<Ans | Ans[]> {
  if (!Array.isArray(input)) {
    const checked = calculator.check(input);
    return checked.ok ? { ok: true, value: calculator.answer(checked.value) } : checked;
  }

  const answers: Ans[] = [];
  for (const [index, item] of input.entries()) {
    const checked = calculator.check(item);
    if (!checked.ok) return { ok: false, problem: `[${index}].${checked.problem}` };
    answers.push(calculator.answer(checked.value));
  }
  return { ok: true, value: answers };
}
