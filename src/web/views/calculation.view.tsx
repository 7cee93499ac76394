/**
 * The one component that shows the calculation behind a level: the method with its formula,
 * the engine's steps in order, and the score as shown. Every page that explains a level (the
 * mastery detail page for staff, students and families) uses it, so the wording never drifts.
 */
import { METHOD_WORDING } from '../../domain/mastery/methods-explained.js';
import type { CalculationPolicy } from '../../domain/mastery/types.js';
import type { ScaleLevel } from '../../domain/scale.js';

/** Who is reading: the words around the calculation change, the calculation does not. */
export type Audience = 'staff' | 'student' | 'family';

/**
 * A policy in words: "Decaying average, w = 65", "Mean of the most recent scores, n = 3",
 * with ", level shown after 2 scores" when a minimum applies.
 */
export function policyText(policy: CalculationPolicy): string {
  const name = METHOD_WORDING[policy.method].name;
  const param = policy.param === null ? '' : `, ${paramName(policy)} = ${policy.param}`;
  const minimum = policy.minEvidence > 1 ? `, level shown after ${policy.minEvidence} scores` : '';
  return `${name}${param}${minimum}`;
}

function paramName(policy: CalculationPolicy): 'w' | 'n' {
  return policy.method === 'weighted_recent' || policy.method === 'decaying_average' ? 'w' : 'n';
}

const INTRO: Readonly<Record<Audience, string>> = {
  staff: 'The engine read the evidence below in this order and took these steps.',
  student: 'This is how your level was worked out from your work, step by step.',
  family: 'This is how the level was worked out from your child’s work, step by step.',
};

/** The calculation: method, formula, the steps in order, and the result. */
export function Calculation(props: {
  readonly audience: Audience;
  readonly policy: CalculationPolicy;
  readonly steps: readonly string[];
  readonly shownScore: string | null;
  readonly level: ScaleLevel | null;
  /** 3 inside a section that already has an h2 (the gradebook cell's dialog). */
  readonly headingLevel?: 2 | 3;
  /** The full detail page, linked when the calculation is shown elsewhere. */
  readonly detailHref?: string;
}) {
  const { policy } = props;
  const wording = METHOD_WORDING[policy.method];
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section
      class={props.headingLevel === 3 ? 'calculation' : 'panel calculation'}
      aria-labelledby="calculation-heading"
    >
      <Heading id="calculation-heading">How this level is calculated</Heading>
      <p>{INTRO[props.audience]}</p>
      <dl class="facts">
        <div>
          <dt>Method</dt>
          <dd>
            <a href={`/mastery/how#method-${policy.method}`}>{policyText(policy)}</a>
          </dd>
        </div>
        <div>
          <dt>Formula</dt>
          <dd>
            <code>{wording.formula}</code>
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{props.shownScore ?? 'Not enough evidence yet'}</dd>
        </div>
        <div>
          <dt>Level</dt>
          <dd>{props.level ? `${props.level.value} ${props.level.label}` : 'No level yet'}</dd>
        </div>
      </dl>
      <p class="method-sentence">{wording.sentence}</p>
      <ol class="calculation-steps">
        {props.steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      {props.detailHref && (
        <p>
          <a href={props.detailHref}>Open the full mastery detail (set evidence aside, override)</a>
        </p>
      )}
    </section>
  );
}
