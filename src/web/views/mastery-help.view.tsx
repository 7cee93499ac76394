/**
 * "How mastery is calculated": the page every level links to. Short sentences for teachers and
 * families alike. Every number on it (each method's worked example, the rounding examples, the
 * level rule's example) is computed by the engine when the page renders, so the page cannot
 * disagree with the calculation.
 */
import type { MethodExplained } from '../../domain/mastery/methods-explained.js';
import { DEFAULT_POLICY } from '../../domain/mastery/types.js';
import { formatScore, levelFor, type ProficiencyScale } from '../../domain/scale.js';
import { policyText } from './calculation.view.js';
import { LevelBadge } from './components.js';
import { Layout, type PageFrame } from './layout.js';
import { shownLevel } from './mastery-detail.view.js';

/** What the page shows: the methods with their engine-computed examples, and a scale. */
export interface MasteryHelpModel {
  readonly methods: readonly MethodExplained[];
  readonly scale: ProficiencyScale;
}

/** The page. */
export function MasteryHelpPage(props: PageFrame & { readonly model: MasteryHelpModel }) {
  const { methods, scale } = props.model;
  return (
    <Layout {...props} current="help">
      <div class="page-head">
        <div>
          <p class="eyebrow">Help for teachers, students and families</p>
          <h1>How mastery is calculated</h1>
        </div>
      </div>
      <div class="help">
        <p class="lead">
          A level shows where a student is on a standard now. Trellis works it out from the
          evidence: each piece of work a teacher has scored. Here is how, step by step.
        </p>
        <nav class="panel help-contents" aria-label="On this page">
          <ul>
            <li>
              <a href="#evidence">Which evidence counts</a>
            </li>
            <li>
              <a href="#not-enough">Not enough evidence yet</a>
            </li>
            <li>
              <a href="#rounding">How a score is rounded</a>
            </li>
            <li>
              <a href="#levels">From a score to a level</a>
            </li>
            <li>
              <a href="#methods">The calculation methods</a>
            </li>
            <li>
              <a href="#next">What’s next</a>
            </li>
            <li>
              <a href="#overrides">Levels set by hand</a>
            </li>
          </ul>
        </nav>
        <EvidenceRules />
        <NotEnough />
        <Rounding />
        <LevelRule scale={scale} />
        <Methods methods={methods} />
        <WhatsNext />
        <Overrides />
      </div>
    </Layout>
  );
}

function EvidenceRules() {
  return (
    <section class="panel" id="evidence" aria-labelledby="evidence-h">
      <h2 id="evidence-h">Which evidence counts</h2>
      <ul class="rules">
        <li>Evidence is read in the order the work was done, oldest first.</li>
        <li>Work without a date counts as the oldest.</li>
        <li>Two pieces on the same day keep the order they were recorded in.</li>
        <li>
          A <strong>revision</strong> replaces the attempt it revises. Only the latest attempt at a
          task counts. The two are never averaged.
        </li>
        <li>
          A teacher may <strong>set a piece aside</strong> with a reason, for example work done with
          the wrong test form. It is kept and shown with the reason, but not counted.
        </li>
        <li>Work that was not scored is skipped. A score of 0 is a score and counts.</li>
      </ul>
    </section>
  );
}

function NotEnough() {
  return (
    <section class="panel" id="not-enough" aria-labelledby="not-enough-h">
      <h2 id="not-enough-h">Not enough evidence yet</h2>
      <p>
        “Not enough evidence yet” means there is no level to show. It is never a 0. It appears when:
      </p>
      <ul class="rules">
        <li>no scored work counts yet;</li>
        <li>
          the school asks for a minimum number of scores before a level is shown, and there are
          fewer;
        </li>
        <li>
          the method needs more, for example “n times at mastery” needs n scores at the mastery
          level.
        </li>
      </ul>
    </section>
  );
}

function Rounding() {
  const examples = [2.675, 3.5275, 3];
  return (
    <section class="panel" id="rounding" aria-labelledby="rounding-h">
      <h2 id="rounding-h">How a score is rounded</h2>
      <p>
        Trellis keeps the exact score and shows it with two decimals. A 5 in the third decimal
        rounds up (“half up”), on the decimal number as written.
      </p>
      <ul class="rules">
        {examples.map((value) => (
          <li>
            {String(value)} shows as <strong>{formatScore(value)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LevelRule(props: { readonly scale: ProficiencyScale }) {
  const { scale } = props;
  const example = 2.99;
  const exampleLevel = levelFor(scale, example);
  return (
    <section class="panel" id="levels" aria-labelledby="levels-h">
      <h2 id="levels-h">From a score to a level</h2>
      <p>
        The level is the highest level whose number is at or below the score. For example,{' '}
        {formatScore(example)} is{' '}
        {exampleLevel ? `level ${exampleLevel.value}, ${exampleLevel.label}` : 'below every level'}.
        The mastery level is the goal.
      </p>
      <table class="help-table">
        <caption>{scale.name}</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Scores</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {scale.levels.map((level, index) => {
            const next = scale.levels[index + 1];
            return (
              <tr>
                <td>
                  <LevelBadge level={shownLevel(scale, level)} />
                  {level.isMastery && <span class="mastery-mark"> mastery (the goal)</span>}
                </td>
                <td class="nowrap">
                  {next
                    ? `${formatScore(level.value)} up to ${formatScore(next.value)}, not including ${formatScore(next.value)}`
                    : `${formatScore(level.value)} and above`}
                </td>
                <td>{level.familyWording}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        A score below {formatScore(scale.levels[0]?.value ?? 0)} is below the first level, so no
        level is shown yet.
      </p>
    </section>
  );
}

function Methods(props: { readonly methods: readonly MethodExplained[] }) {
  return (
    <section id="methods" aria-labelledby="methods-h">
      <h2 id="methods-h">The calculation methods</h2>
      <p>
        A school, a class or a standard chooses one method. Unless one is chosen, Trellis uses{' '}
        <strong>{policyText(DEFAULT_POLICY)}</strong>. Each example below uses a 0 to 4 scale with
        mastery at 3, and its result is worked out by Trellis itself.
      </p>
      <div class="method-list">
        {props.methods.map((method) => (
          <MethodCard method={method} />
        ))}
      </div>
    </section>
  );
}

function MethodCard(props: { readonly method: MethodExplained }) {
  const { method } = props;
  const { example } = method;
  const param =
    method.parameter && example.param !== null
      ? `, ${method.parameter.name} = ${example.param}`
      : '';
  return (
    <article
      class="panel method"
      id={`method-${method.method}`}
      aria-labelledby={`m-${method.method}`}
    >
      <h3 id={`m-${method.method}`}>
        {method.name} <code class="method-id">{method.method}</code>
      </h3>
      <p>{method.sentence}</p>
      <p class="formula">
        <code>{method.formula}</code>
      </p>
      {method.parameter && (
        <p class="parameter">
          Setting: {method.parameter.name}, from {method.parameter.range}.
        </p>
      )}
      <p class="example">
        <strong>Example:</strong> scores {example.scores.join(', ')} (oldest first){param} give{' '}
        <strong>{example.shown}</strong>
        {example.score !== null && example.score >= example.bounds.mastery
          ? ', at or above mastery.'
          : example.score !== null
            ? ', below mastery.'
            : '.'}
      </p>
    </article>
  );
}

function WhatsNext() {
  return (
    <section class="panel" id="next" aria-labelledby="next-h">
      <h2 id="next-h">What’s next</h2>
      <p>
        For each standard, Trellis works out the lowest score on the next piece of work that would
        reach the mastery level with the student’s method. Sometimes one more score cannot reach it
        yet; then the page says so.
      </p>
    </section>
  );
}

function Overrides() {
  return (
    <section class="panel" id="overrides" aria-labelledby="overrides-h">
      <h2 id="overrides-h">Levels set by hand</h2>
      <p>
        A teacher may set a level by hand, with a reason. It is always marked “Set by hand” and the
        reason is shown. When newer evidence arrives, the level is marked “Out of date” so the
        teacher looks again.
      </p>
    </section>
  );
}
