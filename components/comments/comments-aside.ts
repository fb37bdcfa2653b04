import { html, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { CommentAnchor } from '../../src/model/negotiation.ts';
import type { CommentThread } from '../../src/negotiation/index.ts';
import './comments-panel.ts';

/** What the planner's comments panel shows. */
export interface CommentsAsideView {
  locale: Locale;
  locked: boolean;
  plan: Plan;
  findings: readonly Finding[];
  threads: readonly CommentThread[];
  anchor: CommentAnchor | null;
}

/** The comments panel, beside the findings. */
export function commentsAside(v: CommentsAsideView): TemplateResult {
  return html`<rp-comments-panel
    class="comments"
    .locale=${v.locale}
    ?readonly=${v.locked}
    .plan=${v.plan}
    .findings=${v.findings}
    .threads=${v.threads}
    .anchor=${v.anchor}
  ></rp-comments-panel>`;
}
