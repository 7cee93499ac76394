/**
 * The portfolio page. The student (and staff) upload work and see all of it: first the pieces
 * the student chose to show their progress, in the student's order, with move up and move down
 * buttons, then the rest. Each piece can be shared with the family; staff can endorse it. A
 * guardian sees only the shared pieces, under "Work samples". Files open only as downloads;
 * pictures show as small previews with their description as the text alternative.
 */
import type { Child } from 'hono/jsx';
import type { ScaleLevel } from '../../domain/scale.js';
import type { Artifact, LinkChoice } from '../../store/portfolio.repository.js';
import type { Role } from '../../store/schema.js';
import { Layout, type PageFrame } from './layout.js';
import { formatDay, levelSymbol, shortCode } from './levels.js';

/** Everything the portfolio page shows. */
export interface PortfolioPageModel {
  readonly studentId: string;
  readonly studentName: string;
  readonly givenName: string;
  readonly role: Role;
  readonly artifacts: readonly Artifact[];
  readonly choices: readonly LinkChoice[];
  readonly levels: readonly ScaleLevel[];
  readonly settings: ReadonlyArray<readonly [string, string]>;
  readonly acceptedText: string;
  readonly limitText: string;
  readonly accept: string;
  readonly today: string;
  readonly notice: string | null;
  /** The button to give focus back to after a change ("move-up:ID", "share:ID", ...). */
  readonly focus: string | null;
  /** Problems with the upload (by field) or with one artifact's action ("endorse:ID"). */
  readonly errors: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, string>>;
  readonly csrf: string;
}

const STAFF: readonly Role[] = ['admin', 'teacher', 'special_educator'];

/** The portfolio page for the viewer's role. */
export function PortfolioPage(props: PageFrame & { readonly model: PortfolioPageModel }) {
  const { model } = props;
  const family = model.role === 'guardian';
  const own = model.role === 'student';
  const chosen = model.artifacts.filter((a) => a.chosen);
  const others = model.artifacts.filter((a) => !a.chosen);
  const heading = family
    ? `Work samples from ${model.givenName}`
    : own
      ? 'My portfolio'
      : `Portfolio: ${model.studentName}`;
  return (
    <Layout {...props}>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            {family ? 'Chosen to share with you' : 'Work across class, therapy, home and community'}
          </p>
          <h1>{heading}</h1>
        </div>
        <div class="actions">
          {!family && (
            <a class="button-primary" href="#upload-heading">
              {own ? 'Add my work' : 'Add work'}
            </a>
          )}
          {own && (
            <a class="button-secondary" href="/">
              My dashboard
            </a>
          )}
        </div>
      </div>
      <p role="status" class="student-notice">
        {model.notice ?? ''}
      </p>
      {family ? (
        <FamilyList model={model} />
      ) : (
        <>
          <section aria-labelledby="chosen-heading" class="portfolio-section">
            <h2 id="chosen-heading">
              {own ? 'Work I chose to show my progress' : 'Chosen by the student'}
            </h2>
            {chosen.length === 0 ? (
              <p class="muted">
                Nothing chosen yet. Use "Choose to show my progress" on a piece below.
              </p>
            ) : (
              <ol class="artifact-list">
                {chosen.map((artifact, index) => (
                  <ArtifactCard
                    artifact={artifact}
                    model={model}
                    position={{ index, count: chosen.length }}
                  />
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="more-heading" class="portfolio-section">
            <h2 id="more-heading">{own ? 'More of my work' : 'Other work'}</h2>
            {others.length === 0 ? (
              <p class="muted">No other work yet.</p>
            ) : (
              <ul class="artifact-list">
                {others.map((artifact) => (
                  <ArtifactCard artifact={artifact} model={model} position={null} />
                ))}
              </ul>
            )}
          </section>
          <UploadForm model={model} />
        </>
      )}
    </Layout>
  );
}

function FamilyList(props: { readonly model: PortfolioPageModel }) {
  const { model } = props;
  if (model.artifacts.length === 0) {
    return <p class="empty">No work samples have been shared yet.</p>;
  }
  const count = model.artifacts.length;
  return (
    <section aria-labelledby="shared-heading" class="portfolio-section">
      <h2 id="shared-heading">
        {count === 1 ? '1 piece of work' : `${count} pieces of work`} shared with you
      </h2>
      <ul class="artifact-list">
        {model.artifacts.map((artifact) => (
          <ArtifactCard artifact={artifact} model={model} position={null} />
        ))}
      </ul>
    </section>
  );
}

function fileHref(model: PortfolioPageModel, artifact: Artifact): string {
  return `/students/${model.studentId}/portfolio/${artifact.id}/file`;
}

const KIND_WORDS: Readonly<Record<Artifact['kind'], string>> = {
  image: 'Picture',
  pdf: 'PDF document',
  audio: 'Sound recording',
  video: 'Video',
};

function settingWord(model: PortfolioPageModel, setting: string): string {
  return model.settings.find(([value]) => value === setting)?.[1] ?? setting;
}

function ArtifactCard(props: {
  readonly artifact: Artifact;
  readonly model: PortfolioPageModel;
  readonly position: { readonly index: number; readonly count: number } | null;
}) {
  const { artifact, model, position } = props;
  const headingId = `artifact-${artifact.id}-title`;
  return (
    <li class="panel artifact" id={`artifact-${artifact.id}`}>
      <article aria-labelledby={headingId}>
        <div class="artifact-body">
          {artifact.kind === 'image' ? (
            <img
              class="artifact-preview"
              src={fileHref(model, artifact)}
              alt={artifact.description ?? artifact.title}
              width={160}
              height={120}
            />
          ) : (
            <span class={`artifact-icon artifact-${artifact.kind}`} aria-hidden="true">
              {artifact.kind === 'pdf' ? 'PDF' : artifact.kind === 'audio' ? '♪' : '▶'}
            </span>
          )}
          <div class="artifact-text">
            <h3 id={headingId}>
              {position && <span class="artifact-number">{position.index + 1}. </span>}
              {artifact.title}
            </h3>
            <p class="muted">
              {KIND_WORDS[artifact.kind]} · {formatDay(artifact.observedOn)} ·{' '}
              {settingWord(model, artifact.setting)}
              {artifact.shared && model.role !== 'guardian' && (
                <span class="tag tag-shared">Shared with family</span>
              )}
              {artifact.endorsedAt && <span class="tag tag-endorsed">Endorsed</span>}
            </p>
            <ArtifactLinks artifact={artifact} role={model.role} />
            {artifact.reflection && (
              <p class="artifact-reflection">
                <strong>
                  {model.role === 'student' ? 'My reflection: ' : `In ${model.givenName}'s words: `}
                </strong>
                {artifact.reflection}
              </p>
            )}
            <Endorsement artifact={artifact} model={model} />
            {model.errors[`endorse:${artifact.id}`] && (
              <p class="field-error" role="alert">
                {model.errors[`endorse:${artifact.id}`]}
              </p>
            )}
            <p>
              <a href={fileHref(model, artifact)} download>
                Download {KIND_WORDS[artifact.kind].toLowerCase()}
                <span class="visually-hidden">: {artifact.title}</span>
              </a>
            </p>
          </div>
        </div>
        {model.role !== 'guardian' && (
          <ArtifactActions artifact={artifact} model={model} position={position} />
        )}
      </article>
    </li>
  );
}

function ArtifactLinks(props: { readonly artifact: Artifact; readonly role: Role }) {
  if (props.artifact.links.length === 0) return null;
  const textOf = (link: Artifact['links'][number]) =>
    props.role === 'student'
      ? link.studentText
      : props.role === 'guardian'
        ? link.familyText
        : link.staffText;
  return (
    <ul class="artifact-links" aria-label="Shows">
      {props.artifact.links.map((link) => (
        <li>
          {link.code && <span class="code">{shortCode(link.code)} </span>}
          {textOf(link)}
        </li>
      ))}
    </ul>
  );
}

function Endorsement(props: { readonly artifact: Artifact; readonly model: PortfolioPageModel }) {
  const { artifact, model } = props;
  if (!artifact.endorsedAt) return null;
  const rank = model.levels.findIndex((l) => l.value === artifact.endorsementScore) + 1;
  const level = model.levels[rank - 1];
  return (
    <div class="endorsement">
      <p>
        <strong>Endorsed by {artifact.endorsedByName ?? 'a teacher'}</strong> on{' '}
        {formatDay(artifact.endorsedAt)}
        {level && (
          <>
            {' '}
            <span class={`badge level-${rank}`}>
              <span class="symbol" aria-hidden="true">
                {levelSymbol(rank)}
              </span>
              {level.label}
            </span>
          </>
        )}
      </p>
      {artifact.endorsementStrength && <p>What went well: {artifact.endorsementStrength}</p>}
      {artifact.endorsementNextStep && <p>Next step: {artifact.endorsementNextStep}</p>}
    </div>
  );
}

/** A one-button form posting `field=value` to an artifact action. */
function ActionButton(props: {
  readonly model: PortfolioPageModel;
  readonly artifact: Artifact;
  readonly action: string;
  readonly field: string;
  readonly value: string;
  readonly focusKey: string;
  readonly children: Child;
  readonly disabled?: boolean;
  /** Overrides the focus rule (a move to the first place focuses "Move down" instead). */
  readonly autofocus?: boolean;
}) {
  const { model, artifact } = props;
  return (
    <form
      method="post"
      action={`/students/${model.studentId}/portfolio/${artifact.id}/${props.action}`}
      class="inline-form"
    >
      <input type="hidden" name="_csrf" value={model.csrf} />
      <input type="hidden" name={props.field} value={props.value} />
      <button
        type="submit"
        class="button-secondary"
        disabled={props.disabled}
        autofocus={props.autofocus ?? model.focus === props.focusKey}
      >
        {props.children}
        <span class="visually-hidden">: {artifact.title}</span>
      </button>
    </form>
  );
}

function ArtifactActions(props: {
  readonly artifact: Artifact;
  readonly model: PortfolioPageModel;
  readonly position: { readonly index: number; readonly count: number } | null;
}) {
  const { artifact, model, position } = props;
  const own = model.role === 'student';
  const id = artifact.id;
  const first = position?.index === 0;
  const last = position !== null && position.index === position.count - 1;
  // A disabled button cannot take focus: after moving to an end, focus the other direction.
  const movedHere = model.focus === `move-up:${id}` || model.focus === `move-down:${id}`;
  const focusUp = movedHere && (first ? false : model.focus === `move-up:${id}` || last);
  const focusDown = movedHere && !focusUp && !last;
  return (
    <div class="artifact-actions">
      {own && position && (
        <>
          <ActionButton
            {...props}
            action="move"
            field="direction"
            value="up"
            focusKey={`move-up:${id}`}
            disabled={first}
            autofocus={focusUp}
          >
            Move up
          </ActionButton>
          <ActionButton
            {...props}
            action="move"
            field="direction"
            value="down"
            focusKey={`move-down:${id}`}
            disabled={last}
            autofocus={focusDown}
          >
            Move down
          </ActionButton>
        </>
      )}
      {own && (
        <ActionButton
          {...props}
          action="choose"
          field="chosen"
          value={artifact.chosen ? '0' : '1'}
          focusKey={`choose:${id}`}
        >
          {artifact.chosen ? 'Take off my chosen list' : 'Choose to show my progress'}
        </ActionButton>
      )}
      <ActionButton
        {...props}
        action="share"
        field="shared"
        value={artifact.shared ? '0' : '1'}
        focusKey={`share:${id}`}
      >
        {artifact.shared ? 'Stop sharing with family' : 'Share with family'}
      </ActionButton>
      {STAFF.includes(model.role) && model.role !== 'admin' && !artifact.endorsedAt && (
        <EndorseForm artifact={artifact} model={model} />
      )}
    </div>
  );
}

function EndorseForm(props: { readonly artifact: Artifact; readonly model: PortfolioPageModel }) {
  const { artifact, model } = props;
  const id = artifact.id;
  const error = model.errors[`endorse:${id}`];
  return (
    <details class="endorse" open={error !== undefined || undefined}>
      <summary>Endorse as evidence</summary>
      <form method="post" action={`/students/${model.studentId}/portfolio/${id}/endorse`}>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <fieldset>
          <legend>Level this work shows on each linked standard</legend>
          {model.levels.map((level, index) => (
            <label class="rate-option">
              <input type="radio" name="score" value={String(level.value)} required />
              <span class={`badge level-${index + 1}`}>
                <span class="symbol" aria-hidden="true">
                  {levelSymbol(index + 1)}
                </span>
                {level.value} {level.label}
              </span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for={`strength-${id}`}>Strength</label>
          <textarea id={`strength-${id}`} name="strength" rows={2} maxlength={1000}></textarea>
        </div>
        <div class="field">
          <label for={`next-${id}`}>Next step</label>
          <textarea id={`next-${id}`} name="nextStep" rows={2} maxlength={1000}></textarea>
        </div>
        <button type="submit" class="button-primary" autofocus={model.focus === `endorse:${id}`}>
          Endorse and record evidence
        </button>
      </form>
    </details>
  );
}

function UploadForm(props: { readonly model: PortfolioPageModel }) {
  const { model } = props;
  const own = model.role === 'student';
  const errors = model.errors;
  const values = model.values;
  const errorList = Object.entries(errors).filter(([field]) => !field.startsWith('endorse:'));
  const describedBy = (field: string, hint?: string) =>
    [errors[field] ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby="upload-heading" class="panel upload">
      <h2 id="upload-heading">{own ? 'Add my work' : 'Add work'}</h2>
      {errorList.length > 0 && (
        <div class="alert alert-error" role="alert" id="upload-errors" tabindex={-1} autofocus>
          <p>Please fix {errorList.length === 1 ? 'this' : 'these'} first:</p>
          <ul>
            {errorList.map(([field, message]) => (
              <li>
                <a href={`#upload-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        method="post"
        action={`/students/${model.studentId}/portfolio`}
        enctype="multipart/form-data"
        class="stack upload-form"
      >
        <input type="hidden" name="_csrf" value={model.csrf} />
        <div class="field">
          <label for="upload-file">File</label>
          <p class="hint" id="upload-file-hint">
            You can add {model.acceptedText}. {capitalize(model.limitText)}
          </p>
          {errors.file && (
            <p class="field-error" id="file-error">
              {errors.file}
            </p>
          )}
          <input
            id="upload-file"
            name="file"
            type="file"
            accept={model.accept}
            required
            aria-describedby={describedBy('file', 'upload-file-hint')}
          />
        </div>
        <TextField id="title" label="Title" values={values} errors={errors} required max={120} />
        <TextField
          id="description"
          label="What does it show? (For someone who cannot see it.)"
          values={values}
          errors={errors}
          max={300}
        />
        <div class="field">
          <label for="upload-observedOn">Date I did this work</label>
          {errors.observedOn && (
            <p class="field-error" id="observedOn-error">
              {errors.observedOn}
            </p>
          )}
          <input
            id="upload-observedOn"
            name="observedOn"
            type="date"
            required
            max={model.today}
            value={values.observedOn ?? model.today}
            aria-describedby={describedBy('observedOn')}
          />
        </div>
        <fieldset class="field" id="upload-setting">
          <legend>Where I did it</legend>
          <div class="choice-row">
            {model.settings.map(([value, word]) => (
              <label class="choice">
                <input
                  type="radio"
                  name="setting"
                  value={value}
                  required
                  checked={(values.setting ?? 'class') === value}
                />
                {word}
              </label>
            ))}
          </div>
        </fieldset>
        <LinkChoices model={model} />
        <div class="field">
          <label for="upload-reflection">
            {own ? 'My reflection: what does this show about my learning?' : 'Reflection'}
          </label>
          <textarea id="upload-reflection" name="reflection" rows={3} maxlength={1000}>
            {values.reflection ?? ''}
          </textarea>
        </div>
        <button type="submit" class="button-primary">
          {own ? 'Add to my portfolio' : 'Add to portfolio'}
        </button>
      </form>
    </section>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function LinkChoices(props: { readonly model: PortfolioPageModel }) {
  const { model } = props;
  if (model.choices.length === 0) return null;
  const own = model.role === 'student';
  return (
    <fieldset class="field" id="upload-links">
      <legend>{own ? 'What I can do in this work' : 'Standards and goals it shows'}</legend>
      {model.errors.links && (
        <p class="field-error" id="links-error">
          {model.errors.links}
        </p>
      )}
      <div class="checks link-choices">
        {model.choices.map((choice) => (
          <label class="check">
            <input type="checkbox" name="link" value={`${choice.kind}:${choice.id}`} />
            {choice.code && <span class="code">{shortCode(choice.code)} </span>}
            {own ? choice.studentText : choice.staffText}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly required?: boolean;
  readonly max: number;
}) {
  const { id, errors } = props;
  return (
    <div class="field">
      <label for={`upload-${id}`}>{props.label}</label>
      {errors[id] && (
        <p class="field-error" id={`${id}-error`}>
          {errors[id]}
        </p>
      )}
      <input
        id={`upload-${id}`}
        name={id}
        type="text"
        required={props.required}
        maxlength={props.max}
        value={props.values[id] ?? ''}
        aria-describedby={errors[id] ? `${id}-error` : undefined}
      />
    </div>
  );
}
