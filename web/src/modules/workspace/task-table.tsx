import { pathTo, type Task } from '@karna/contracts';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

/**
 * Tasks as a table. On narrow screens the table scrolls inside its own focusable region (allowed
 * for data tables by WCAG 1.4.10) instead of making the whole page scroll sideways.
 */
export function TaskTable({ tasks, captionId }: { tasks: readonly Task[]; captionId: string }) {
  const { t, locale } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {t.workspace.tasksHeading}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.workspace.taskTitle}</th>
            <th scope="col">{t.workspace.taskUnit}</th>
            <th scope="col">{t.workspace.taskStatus}</th>
            <th scope="col">{t.workspace.taskDue}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <th scope="row">
                {task.source.module === 'cases' ? (
                  <Link to={pathTo('caseView', { caseId: task.source.reference })}>{task.title}</Link>
                ) : (
                  task.title
                )}
              </th>
              <td>{task.orgUnitName}</td>
              <td>
                <span className={`badge badge-${task.status}`}>{t.taskStatuses[task.status]}</span>
              </td>
              <td>
                {task.dueAt ? (
                  <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, locale)}</time>
                ) : (
                  <span className="muted">{t.workspace.noDueDate}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
