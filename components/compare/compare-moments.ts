import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type * as Y from 'yjs';
import type { PlanState } from '../../src/sync/state.ts';
import { liveStateOf } from '../../src/sync/deferred-state.ts';
import type { HistoryMoment } from '../../src/negotiation/history-diff.ts';
import { mt } from '../../src/i18n/moments.ts';
import { DEFAULT_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import { tokens } from '../shared/tokens.ts';
import { pickerStyles } from './picker.styles.ts';
import { timeText } from '../signoff/time-text.ts';
import type { CompareScenario } from './compare-model.ts';
import './compare.ts';

/** The key of the plan as it is now (not a recorded point). */
export const NOW = 'now';

// The history's Yjs side loads with the first look at it, as the history dialog's does.
const loadHistory = () => import('../../src/negotiation/history-diff.ts');
type HistoryModule = Awaited<ReturnType<typeof loadHistory>>;

interface History {
  doc: Y.Doc | null;
  moments: HistoryMoment[];
  m: HistoryModule;
}

/** A moment as the pickers and the comparison's columns name it: "Begin", a version's name, or who and when. */
export function momentLabel(moment: HistoryMoment | undefined, locale: Locale): string {
  if (!moment) return mt(locale, 'moments.now');
  const at = timeText(new Date(moment.at).toISOString(), locale);
  if (moment.kind === 'start') return mt(locale, 'moments.start');
  if (moment.name && moment.by) return mt(locale, 'moments.version', { name: moment.name, by: moment.by, at });
  if (moment.name) return mt(locale, 'moments.versionAt', { name: moment.name, at });
  // Edits by nobody named (a planner without user-name): the state at that time.
  return moment.by ? mt(locale, 'moments.byAt', { name: moment.by, at }) : mt(locale, 'moments.anonymous', { at });
}

/**
 * Two moments of the open scenario's history side by side: two pickers list its timeline (who and
 * when, named versions by name, the start, and now), and <rp-compare> shows the plans as they were
 * then as it shows two scenarios. Each moment's plan is read back from the scenario's document
 * (Y.createDocFromSnapshot) in a worker, once per moment, in a lit Task that shows a busy line
 * meanwhile, so the page stays responsive; a newer pick aborts an older read, whose result is
 * dropped. The list of moments is read in slices, again after each point recorded.
 *
 * Part of the planner's compare view (`<rp-planner-compare>`): it fires no events.
 *
 * @cssprop --rp-color-border - Frame of the pickers.
 * @cssprop --rp-color-text-muted - Notes (no history yet, reading).
 * @cssprop --rp-color-error - A moment that can no longer be read.
 */
@customElement('rp-compare-moments')
export class RpCompareMoments extends LitElement {
  static override styles = [
    tokens,
    pickerStyles,
    css`
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        /* A point recorded changes the pickers' options: their layout is theirs alone, so the
           comparison below (hundreds of rows) is not laid out again. */
        contain: layout;
      }
      label {
        gap: 0.5rem;
      }
      select {
        font: inherit;
        /* As wide whatever the options say (their longest would change it). */
        width: 28rem;
        max-width: 100%;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
      }
      select:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
    `,
  ];

  /** The open scenario's state: its live document holds the history. */
  @property({ attribute: false }) state: PlanState | null = null;
  @property({ reflect: true }) locale: Locale = DEFAULT_LOCALE;

  /** The moment compared from: a point's key, or 'now' (the plan as it is); '' until the history is read. */
  @state() from = '';
  /** The moment compared to. */
  @state() to = '';
  /** Bumped when a point is recorded (here or by a peer), and on edits while "now" is picked. */
  @state() private revision = 0;

  private offs: (() => void)[] = [];

  /** The scenario's document and its timeline, read again after each recorded point. */
  private readonly history = new Task(this, {
    args: () => [this.state, this.revision] as const,
    task: async ([planState], { signal }): Promise<History | null> => {
      if (!planState) return null;
      const [m, live] = await Promise.all([loadHistory(), liveStateOf(planState)]);
      signal.throwIfAborted();
      const doc: Y.Doc | null = live.doc;
      if (doc) this.watch(planState, doc, m);
      // Who, when and which name of each moment (not what each changed), a slice at a time: this
      // runs again after every point recorded while the pickers are open.
      const moments = doc ? await m.inSteps(m.momentSteps(doc), { signal }) : [];
      this.settle(moments);
      return { doc, moments, m };
    },
  });

  /**
   * The two moments' plans, named for the columns: read off the page (plan-at-read.ts), each point
   * once, so running again after a point is recorded (new moments, same picks) asks nothing new.
   */
  private readonly diff = new Task(this, {
    args: () => [this.history.value, this.from, this.to, this.locale, this.nowPlan()] as const,
    task: async ([history, from, to, locale, now], { signal }): Promise<CompareScenario[] | string> => {
      const doc = history?.doc;
      if (!doc || !from || !to) return [];
      if (from === to) return mt(locale, 'moments.same');
      const moment = (key: string) => history.moments.find((x) => x.key === key);
      // A pick the moments read so far do not know yet (the history is being read again): wait for them.
      if ([from, to].some((key) => key !== NOW && !moment(key))) return this.diff.value ?? [];
      const read = (key: string) =>
        key === NOW ? Promise.resolve(now ?? null) : history.m.readPlanAt(doc, key, signal);
      const plans = await Promise.all([read(from), read(to)]);
      const out: CompareScenario[] = [];
      for (const [k, key] of [from, to].entries()) {
        const name = momentLabel(moment(key), locale);
        const plan = plans[k];
        if (!plan) return mt(locale, 'moments.unreadable', { at: name });
        out.push({ name, plan });
      }
      // The same two plans under the same names: the comparison stays as it is (not rendered again).
      const before = this.diff.value;
      const same = Array.isArray(before) && before.length === 2;
      return same && before.every((x, k) => x.plan === out[k]!.plan && x.name === out[k]!.name) ? before : out;
    },
  });

  /** Compares moment `from` with moment `to` (points' keys from the scenario's timeline, or 'now'). */
  pick(from: string, to: string = this.to || NOW): void {
    this.from = from;
    this.to = to;
  }

  /** Focuses the first picker once the timeline is read (a person goes on to choose the other moment). */
  async focusPicker(): Promise<void> {
    await this.history.taskComplete.catch(() => null);
    await this.updateComplete;
    this.renderRoot.querySelector('select')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state')) this.unwatch();
  }

  private nowPlan() {
    return this.from === NOW || this.to === NOW ? this.state?.plan : null;
  }

  /** Picks that are no longer (or not yet) moments of the timeline become the last two. */
  private settle(moments: readonly HistoryMoment[]): void {
    const known = (key: string) => key === NOW || moments.some((x) => x.key === key);
    if (this.from && this.to && known(this.from) && known(this.to)) return;
    const [newest, before] = moments;
    this.to = known(this.to) && this.to ? this.to : before ? newest!.key : NOW;
    this.from = known(this.from) && this.from ? this.from : ((before ?? newest)?.key ?? '');
  }

  private watch(planState: PlanState, doc: Y.Doc, m: HistoryModule): void {
    if (this.offs.length > 0) return;
    this.offs.push(
      m.observeHistory(doc, () => this.revision++),
      planState.subscribe(() => this.nowPlan() && this.requestUpdate()),
      () => m.closePlanAt(doc),
    );
  }

  private unwatch(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }

  protected override render(): unknown {
    const l = this.locale;
    const history = this.history.value;
    if (!history) {
      return this.history.render({
        pending: () => html`<p class="note" role="status">${mt(l, 'moments.loading')}</p>`,
        error: () => html`<p class="note" role="status">${mt(l, 'moments.none')}</p>`,
      });
    }
    if (history.moments.length === 0) return html`<p class="note" role="status">${mt(l, 'moments.none')}</p>`;
    const select = (which: 'from' | 'to') => html`<label
      >${mt(l, which === 'from' ? 'moments.from' : 'moments.to')}
      <select
        data-pick=${which}
        .value=${this[which]}
        @change=${(e: Event) => (this[which] = (e.target as HTMLSelectElement).value)}
      >
        <option value=${NOW} ?selected=${this[which] === NOW}>${mt(l, 'moments.now')}</option>
        ${history.moments.map(
          (x) => html`<option value=${x.key} ?selected=${this[which] === x.key}>${this.label(x)}</option>`,
        )}
      </select></label
    >`;
    return html`
      <fieldset>
        <legend>${mt(l, 'moments.pick')}</legend>
        ${select('from')} ${select('to')}
      </fieldset>
      ${this.comparison()}
    `;
  }

  /**
   * The comparison, and above it a status line that says so while the plans are read: always there
   * (empty when idle), so that a quick read does not push the comparison's hundreds of rows down
   * and up again. While reading, the comparison shown until then stays.
   */
  private comparison() {
    const l = this.locale;
    const { status, value } = this.diff;
    if (status === TaskStatus.ERROR) return nothing;
    const busy = status === TaskStatus.PENDING;
    const shown =
      typeof value === 'string' && !busy
        ? html`<p class="note error" role="alert">${value}</p>`
        : Array.isArray(value) && value.length === 2
          ? this.compare(value)
          : nothing;
    return html`<p class="note" role="status" aria-busy=${busy ? 'true' : 'false'}>
        ${busy ? mt(l, 'moments.loading') : ''}
      </p>
      ${shown}`;
  }

  /**
   * Labels made once per moment, person and locale (the pickers list hundreds; a moment's person
   * changes only when edits held back are named).
   */
  private labels = { locale: '' as string, of: new Map<string, string>() };

  private label(moment: HistoryMoment): string {
    if (this.labels.locale !== this.locale) this.labels = { locale: this.locale, of: new Map() };
    const key = `${moment.key}\u0000${moment.by}`;
    let text = this.labels.of.get(key);
    if (text === undefined) this.labels.of.set(key, (text = momentLabel(moment, this.locale)));
    return text;
  }

  private compare(scenarios: CompareScenario[]) {
    const l = this.locale;
    return html`<rp-compare
      .scenarios=${scenarios}
      locale=${l}
      heading=${mt(l, 'moments.title', { a: scenarios[0]!.name, b: scenarios[1]!.name })}
      chart-caption=${mt(l, 'moments.chart')}
      differences-only
    ></rp-compare>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-compare-moments': RpCompareMoments;
  }
}
