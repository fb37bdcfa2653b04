import { Task } from '@lit/task';
import {
  LitElement,
  adoptStyles,
  css,
  html,
  type CSSResultOrNative,
  type ReactiveController,
  type TemplateResult,
} from 'lit';
import { t } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';

/** What a lazily loaded view module gives its element: the styles of what it renders. */
export interface ViewModule {
  viewStyles: readonly CSSResultOrNative[];
}

/** Asks for a view module once for every element of a kind; a failed load is asked for again. */
export function once<M>(load: () => Promise<M>): { get(): Promise<M>; loaded(): M | undefined } {
  let pending: Promise<M> | undefined;
  let value: M | undefined;
  return {
    get: () =>
      (pending ??= load().then(
        (m) => (value = m),
        (e: unknown) => {
          // Offline or the file moved: the next request (a retry) fetches it again.
          pending = undefined;
          throw e;
        },
      )),
    loaded: () => value,
  };
}

/** The busy line and the failure box every lazily rendered element shows. */
export const lazyViewStyles = css`
  .rp-view-busy {
    color: var(--rp-color-text-muted, #555);
    min-height: 1.5em;
    margin: 0;
  }
  .rp-view-failed {
    color: var(--rp-color-error, #a4262c);
  }
`;

/** The lazily loaded views of each element. */
const viewsOf = new WeakMap<LitElement, Set<LazyViewController<ViewModule>>>();

/**
 * The base of an element that renders through a `LazyViewController`: its `updateComplete` also
 * waits until its view has loaded (or failed to load), then for the update that shows it, so a host
 * or a test that awaits it finds the rendered view.
 */
export class LazyViewElement extends LitElement {
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const views = viewsOf.get(this);
    if (!views || [...views].every((v) => v.loaded)) return done;
    await Promise.all([...views].map((v) => v.settled()));
    return super.getUpdateComplete();
  }
}

/**
 * An element whose rendering code (templates, styles, heavy helpers) is its own chunk, loaded on
 * the element's first connection (lit's `Task`): until then it shows a short busy line, and a failed
 * load says so (nl/en) with a button that tries again. Once loaded, every element of the kind
 * renders at once. A host that extends `LazyViewElement` has an `updateComplete` that waits for the
 * load.
 */
export class LazyViewController<M extends ViewModule> implements ReactiveController {
  private readonly task: Task<[], M>;

  constructor(
    private readonly host: LitElement & { locale: Locale },
    private readonly module: ReturnType<typeof once<M>>,
  ) {
    host.addController(this);
    this.task = new Task<[], M>(host, { task: () => module.get(), args: () => [], autoRun: false });
    let views = viewsOf.get(host);
    if (!views) viewsOf.set(host, (views = new Set()));
    views.add(this);
  }

  /** Whether the view's code is there. */
  get loaded(): boolean {
    return this.module.loaded() !== undefined;
  }

  hostConnected(): void {
    if (this.module.loaded()) this.adopt();
    else void this.task.run().then(() => this.module.loaded() && this.adopt());
  }

  /** Adds the view's styles to the host's own. */
  private adopt(): void {
    const own = (this.host.constructor as typeof LitElement).elementStyles;
    const root = this.host.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...own, ...this.module.loaded()!.viewStyles]);
  }

  /** Resolves when the view has loaded or failed to load (never rejects). */
  async settled(): Promise<void> {
    if (this.module.loaded()) return;
    await this.task.taskComplete.catch(() => undefined);
  }

  /** The view rendered by `ready`, or the busy line or the failure box while it is not loaded. */
  render(ready: (view: M) => unknown): unknown {
    const view = this.module.loaded();
    if (view) return ready(view);
    const busy = (): TemplateResult =>
      html`<p class="rp-view-busy" role="status" aria-busy="true">${t(this.host.locale, 'part.loading')}</p>`;
    // Once the task completes the module is loaded (above): the task only renders the busy line
    // and the failure box.
    return this.task.render({
      initial: busy,
      pending: busy,
      error: () =>
        html`<div class="rp-view-failed" role="alert">
          <p>${t(this.host.locale, 'planner.viewLoadFailed')}</p>
          <button type="button" @click=${() => void this.task.run().then(() => this.module.loaded() && this.adopt())}>
            ${t(this.host.locale, 'part.retry')}
          </button>
        </div>`,
    });
  }
}
