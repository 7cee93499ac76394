/** Small pieces several pages share: the level badge and the scale legend. */
import type { ScaleLevel } from '../../store/gradebook.repository.js';
import { levelSymbol, type ShownLevel } from './levels.js';

/** A level as color, symbol and word; "Not enough evidence yet" when there is none. */
export function LevelBadge(props: {
  readonly level: ShownLevel | null;
  readonly family?: boolean;
}) {
  const { level } = props;
  if (!level) return <span class="badge badge-none">Not enough evidence yet</span>;
  return (
    <span class={`badge level-${level.rank}`}>
      <span class="symbol" aria-hidden="true">
        {levelSymbol(level.rank)}
      </span>
      {level.label}
    </span>
  );
}

/** The proficiency scale as a legend: each level's color, symbol, word and meaning. */
export function ScaleLegend(props: { readonly levels: readonly ScaleLevel[] }) {
  return (
    <div class="legend">
      <h2 class="visually-hidden">Proficiency scale</h2>
      <ul class="legend-list" aria-label="Proficiency scale">
        {props.levels.map((level, index) => (
          <li>
            <span class={`badge level-${index + 1}`}>
              <span class="symbol" aria-hidden="true">
                {levelSymbol(index + 1)}
              </span>
              {level.value} {level.label}
            </span>
            {level.isMastery && <span class="mastery-mark"> mastery</span>}
          </li>
        ))}
        <li>
          <span class="badge badge-none">Not enough evidence yet</span>
        </li>
        <li>
          <a href="/mastery/how">How levels are calculated</a>
        </li>
      </ul>
    </div>
  );
}
