import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerMasteryRequest } from '../../../src/domain/mastery/mastery.calculator.js';
import { applyMethod, METHOD_PARAMETERS } from '../../../src/domain/mastery/methods.js';
import { MASTERY_METHODS, type MasteryMethod } from '../../../src/domain/mastery/types.js';
import { whatNext } from '../../../src/domain/mastery/what-next.js';

const bounds = { min: 0, max: 4, mastery: 3 };
/** Scores in hundredths, as teachers enter them: 0, 0.01, ..., 4. */
const score = fc.integer({ min: 0, max: 400 }).map((n) => n / 100);
const scores = fc.array(score, { minLength: 1, maxLength: 12 });
const weight = fc.integer({ min: 1, max: 99 });

const raised = fc.tuple(scores, fc.nat(), score).map(([list, at, bump]) => {
  const index = at % list.length;
  const higher = [...list];
  higher[index] = Math.max(list[index]!, bump);
  return { list, higher };
});

describe('properties of the calculation methods', () => {
  const monotone: [MasteryMethod, boolean][] = [
    ['latest', false],
    ['highest', false],
    ['mean', false],
    ['weighted_recent', true],
    ['decaying_average', true],
  ];

  it.each(monotone)('raising one score never lowers %s', (method, takesWeight) => {
    fc.assert(
      fc.property(raised, weight, ({ list, higher }, w) => {
        const param = takesWeight ? w : null;
        const before = applyMethod(method, list, param, bounds)!;
        const after = applyMethod(method, higher, param, bounds)!;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('keeps every method within the scale', () => {
    const anyScale = fc
      .record({ min: fc.integer({ min: -2, max: 2 }), span: fc.integer({ min: 1, max: 100 }) })
      .chain(({ min, span }) =>
        fc.record({
          bounds: fc.constant({ min, max: min + span, mastery: min + span / 2 }),
          list: fc.array(
            fc.integer({ min: 0, max: span * 4 }).map((q) => min + q / 4),
            {
              minLength: 1,
              maxLength: 12,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(
        anyScale,
        fc.constantFrom(...MASTERY_METHODS),
        fc.integer({ min: 1, max: 99 }),
        (input, method, raw) => {
          const rule = METHOD_PARAMETERS[method];
          const param = rule === null ? null : Math.min(rule.max, Math.max(rule.min, raw));
          const result = applyMethod(method, input.list, param, input.bounds);
          if (result === null) return;
          expect(result).toBeGreaterThanOrEqual(input.bounds.min);
          expect(result).toBeLessThanOrEqual(input.bounds.max);
        },
      ),
    );
  });

  it('reads undated scores in the order given, before every dated score', () => {
    fc.assert(
      fc.property(scores, scores, weight, (undated, dated, w) => {
        const datedItems = dated.map((s, i) => ({
          score: s,
          at: `2026-10-${String(i + 1).padStart(2, '0')}`,
        }));
        const request = {
          method: 'decaying_average' as const,
          param: w,
          bounds,
          items: [...datedItems, ...undated].map((entry, id) =>
            typeof entry === 'number'
              ? { id, score: entry, observedAt: null }
              : { id, score: entry.score, observedAt: entry.at },
          ),
        };
        const expected = applyMethod('decaying_average', [...undated, ...dated], w, bounds);
        expect(answerMasteryRequest(request).score).toBe(expected);
      }),
    );
  });

  it('gives the same result however dated evidence is listed', () => {
    fc.assert(
      fc.property(scores, fc.constantFrom(...MASTERY_METHODS), (list, method) => {
        const items = list.map((s, i) => ({
          id: i,
          score: s,
          observedAt: `2026-09-${String(i + 1).padStart(2, '0')}`,
        }));
        const param = METHOD_PARAMETERS[method]?.min ?? null;
        const forward = answerMasteryRequest({ method, param, bounds, items });
        const backward = answerMasteryRequest({
          method,
          param,
          bounds,
          items: [...items].reverse(),
        });
        expect(backward).toEqual(forward);
      }),
    );
  });

  it("finds a what's-next score that reaches mastery, and none lower by 0.01", () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 8 }), weight, (list, w) => {
        const policy = { method: 'decaying_average' as const, param: w, minEvidence: 1 };
        const next = whatNext(list, policy, bounds);
        if (next.kind === 'out_of_reach') {
          expect(applyMethod('decaying_average', [...list, 4], w, bounds)!).toBeLessThan(3);
          return;
        }
        expect(
          applyMethod('decaying_average', [...list, next.lowestScore], w, bounds)!,
        ).toBeGreaterThanOrEqual(3);
        if (next.lowestScore >= 0.01) {
          expect(
            applyMethod('decaying_average', [...list, next.lowestScore - 0.01], w, bounds)!,
          ).toBeLessThan(3);
        }
      }),
    );
  });
});
