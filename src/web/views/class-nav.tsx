/** The tabs of a class: its gradebook and its tasks. */

/** Links between a class's gradebook and its task list; the current one is marked. */
export function ClassNav(props: {
  readonly classId: string;
  readonly current: 'gradebook' | 'tasks' | 'mastery-settings' | 'family-reports';
  readonly canRecord: boolean;
}) {
  const { classId, current } = props;
  return (
    <nav class="class-nav" aria-label="Class">
      <a href={`/classes/${classId}`} aria-current={current === 'gradebook' ? 'page' : undefined}>
        Gradebook
      </a>
      {props.canRecord && (
        <a
          href={`/classes/${classId}/tasks`}
          aria-current={current === 'tasks' ? 'page' : undefined}
        >
          Tasks and scoring
        </a>
      )}
      {props.canRecord && (
        <a
          href={`/classes/${classId}/mastery-settings`}
          aria-current={current === 'mastery-settings' ? 'page' : undefined}
        >
          Mastery settings
        </a>
      )}
      {props.canRecord && (
        <a
          href={`/classes/${classId}/family-reports`}
          aria-current={current === 'family-reports' ? 'page' : undefined}
        >
          Family reports
        </a>
      )}
    </nav>
  );
}
