/**
 * The "Work samples" section of the family report and its styles. Pictures are embedded with
 * their text alternative; every other kind says where to open it. The student's own words are
 * isolated (bdi), so an English reflection reads in order inside an Arabic report. Styles use logical
 * properties, so the section reads the same right to left, and print in black and white.
 */
import type { FC } from 'hono/jsx';
import type { WorkSamplesBlock } from './work-samples.js';

/** The section, placed after the standards. */
export const WorkSamplesSection: FC<{ block: WorkSamplesBlock }> = ({ block }) => (
  <section class="work-samples" aria-labelledby="work-samples-title">
    <h2 id="work-samples-title">{block.title}</h2>
    <p>{block.intro}</p>
    <ul class="work-sample-list">
      {block.samples.map((sample) => (
        <li class="work-sample">
          <article>
            {sample.imageUri && (
              <img class="work-sample-image" src={sample.imageUri} alt={sample.alt} />
            )}
            <div class="work-sample-text">
              <h3>
                <bdi>{sample.title}</bdi>
              </h3>
              <p class="work-sample-facts">{sample.facts}</p>
              {sample.reflection && (
                <p>
                  <strong>{sample.reflectionLabel}</strong>
                  <bdi>{sample.reflection}</bdi>
                </p>
              )}
              {sample.openText && <p class="work-sample-open">{sample.openText}</p>}
            </div>
          </article>
        </li>
      ))}
    </ul>
  </section>
);

/** The section's styles, added to the report's own. */
export const WORK_SAMPLES_CSS = `
.work-samples { break-inside: auto; }
.work-sample-list { list-style: none; padding: 0; margin: 0; }
.work-sample { break-inside: avoid; border: 1px solid #888; border-radius: 8px;
  padding: 0.75rem 1rem; margin-block: 0.75rem; }
.work-sample article { display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap; }
.work-sample-image { inline-size: 160px; max-inline-size: 100%; block-size: auto;
  border: 1px solid #888; border-radius: 6px; }
.work-sample-text { flex: 1 1 14rem; }
.work-sample h3 { margin-block: 0 0.25rem; }
.work-sample p { margin-block: 0.3rem; }
.work-sample-facts, .work-sample-open { color: #333; }
`;
