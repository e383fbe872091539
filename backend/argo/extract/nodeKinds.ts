/**
 * Which Argo nodes become node documents. The queries aggregate every node document of a task
 * (`node.display_name`) without looking at `node.type`, so a document stands for one execution of a
 * step or task and nothing is counted twice:
 *
 * - documented: `Pod`, `HTTP`, `Plugin` (they run the work), `Suspend` (its duration is the wait),
 *   `Skipped` (a step or task that did not run: phase `Skipped` or `Omitted`, no duration), node types
 *   Argo adds later, and every retry attempt whatever its type (so that retries can be counted).
 * - not documented: the nodes that group others. `Retry` shares its task name with its attempts and
 *   spans them all (it would mix into the task's durations); `Steps`/`DAG` (the run itself, or a nested
 *   template), `StepGroup` (`[0]`) and `TaskGroup` (a loop) span their children, repeat their
 *   children's failure and sum their children's resources. `Container` nodes are the containers of a
 *   ContainerSet pod: the pod's document has the task's name, time and resources.
 */
export const GROUPING_NODE_TYPES: ReadonlySet<string> = new Set(['Steps', 'StepGroup', 'DAG', 'TaskGroup', 'Retry', 'Container']);

/** Only a pod's own `resourcesDuration` is its own; a parent's is the sum over its pods. */
export const RESOURCE_NODE_TYPE = 'Pod';

/** Phases of nodes that did not run: they keep their phase but get no duration (a 0 would pull a task's percentiles down). */
export const NOT_RUN_PHASES: ReadonlySet<string> = new Set(['Skipped', 'Omitted']);

/** Phases whose `message` says why something failed; other phases' messages are progress notes. */
export const FAILED_PHASES: ReadonlySet<string> = new Set(['Failed', 'Error']);
