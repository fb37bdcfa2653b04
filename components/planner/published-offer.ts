import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import { tr, type PlannerView } from './planner-view.ts';
import '../compare/compare.ts';

/**
 * The site's new file (its frame: planner.templates.ts): the user's edits stay; compare, adopt
 * (one undo step) or keep one's own.
 */
export function publishedChoice(v: PlannerView, published: Plan, plan: Plan): TemplateResult {
  return html`<span>${tr(v, 'planner.published.notice')}</span>
    <span class="offer-actions">
      <button
        type="button"
        aria-expanded=${v.comparingPublished ? 'true' : 'false'}
        @click=${() => v.on.published('compare')}
      >
        ${tr(v, v.comparingPublished ? 'planner.published.hideCompare' : 'planner.published.compare')}
      </button>
      <button type="button" ?disabled=${v.locked} @click=${() => v.on.published('adopt')}>
        ${tr(v, 'planner.published.adopt')}
      </button>
      <button type="button" ?disabled=${v.locked} @click=${() => v.on.published('keep')}>
        ${tr(v, 'planner.published.keep')}
      </button>
    </span>
    ${
      v.comparingPublished
        ? html`<rp-compare
            class="published-compare"
            locale=${v.locale}
            .scenarios=${[
              { name: `${tr(v, 'planner.published.mine')}: ${plan.name}`, plan },
              { name: `${tr(v, 'planner.published.theirs')}: ${published.name}`, plan: published },
            ]}
          ></rp-compare>`
        : nothing
    }`;
}
