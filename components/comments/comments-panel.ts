import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import type { NegotiationKey } from '../../src/i18n/negotiation-panels.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { CommentAnchor } from '../../src/model/negotiation.ts';
import { checkText, sameAnchor, type CommentThread } from '../../src/negotiation/index.ts';
import type { Finding } from '../../src/model/finding.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';

/** The panel's rendering code (templates, styles): loaded when the first panel is connected. */
const commentsView = once(() => import('./comments-panel.templates.ts'));

/**
 * Comment threads on the plan: the open ones (resolved ones on request), each naming the cell,
 * row or field it is about, with its messages as plain text, a reply box, resolve and reopen. A
 * thread whose row was deleted is kept and shown as orphaned. New comments go on the cell or
 * field last selected in the planner (`anchor`), or on the plan as a whole.
 *
 * @event rp-comment-request - `{ action: 'start' | 'reply' | 'resolve' | 'reopen' | 'go', … }`; the planner applies it.
 *   A grid asks with `{ action: 'open', anchor }` and the planner calls `open(anchor)`.
 *
 * @cssprop --rp-color-accent - Open threads, buttons and focus ring.
 * @cssprop --rp-color-warning - Orphaned threads.
 */
@customElement('rp-comments-panel')
export class RpCommentsPanel extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

  /** Interface language: `nl` (default) or `en`. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Nothing can be recorded (a read-only planner, a workshop observer). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Every thread of the scenario, resolved ones included (src/negotiation/comments.ts). */
  @property({ attribute: false }) threads: readonly CommentThread[] = [];
  /** Names the rows and columns anchors point at. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** The plan's findings now: a thread about a finding quotes it while it stands. */
  @property({ attribute: false }) findings: readonly Finding[] = [];
  /** Where a new comment goes: the cell or field selected last; null for the plan as a whole. */
  @property({ attribute: false }) anchor: CommentAnchor | null = null;

  @state() private showResolved = false;
  @state() private refusal: { id: string; key: NegotiationKey } | null = null;
  @state() private lengths: Record<string, number> = {};

  /**
   * Shows the comments on `anchor` (a grid's comment mark or Shift+F2): focus goes to the reply box
   * of its oldest open thread, or to the new comment box, now about that cell.
   */
  async open(anchor: CommentAnchor): Promise<void> {
    this.anchor = anchor;
    const thread = this.threads.find((th) => !th.resolved && sameAnchor(th.anchor, anchor));
    await this.updateComplete;
    const root = this.renderRoot;
    const article = thread ? root.querySelector(`article[aria-labelledby="th-${CSS.escape(thread.id)}"]`) : null;
    const box = (article ?? root.querySelector('section.new'))?.querySelector('textarea');
    (article ?? box)?.scrollIntoView({ block: 'nearest' });
    box?.focus();
  }

  private readonly view = new LazyViewController(this, commentsView);

  private submit(e: SubmitEvent, id: string, send: (text: string) => void): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const area = form.querySelector('textarea')!;
    const checked = checkText(area.value);
    if (!checked.ok) {
      // Nothing typed is lost: the text stays in the box until it fits.
      this.refusal = { id, key: `comments.refused.${checked.reason}` };
      area.focus();
      return;
    }
    this.refusal = null;
    send(checked.text);
    area.value = '';
    this.lengths = { ...this.lengths, [id]: 0 };
  }

  protected override render(): unknown {
    return this.view.render((view) =>
      view.renderComments({
        locale: this.locale,
        readonly: this.readonly,
        threads: this.threads,
        plan: this.plan,
        findings: this.findings,
        anchor: this.anchor,
        showResolved: this.showResolved,
        refusal: this.refusal,
        lengths: this.lengths,
        submit: (e, id, send) => this.submit(e, id, send),
        request: (detail) => emit(this, 'rp-comment-request', detail),
        setLength: (id, n) => (this.lengths = { ...this.lengths, [id]: n }),
        setShowResolved: (show) => (this.showResolved = show),
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-comments-panel': RpCommentsPanel;
  }
}
