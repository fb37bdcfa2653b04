import { html, nothing, type TemplateResult } from 'lit';
import { ct } from '../../src/i18n/collab.ts';
import type { WorkshopView } from './workshop.ts';
import { tr, type PlannerView } from './planner-view.ts';

/**
 * What the workshop bar shows (its frame: planner.templates.ts): the connection's status, who is
 * in it, whether we only look on, the last error, and the scenarios made here before joining,
 * offered to the workshop.
 */
export function workshopStatus(v: PlannerView, w: WorkshopView): TemplateResult {
  const l = v.locale;
  return html`<span class="pill ${w.status}" role="status">${ct(l, `collab.status.${w.status}`)}</span>
    <ul class="people" aria-label=${tr(v, 'planner.collab.participants')}>
      <li class="me">${tr(v, 'planner.collab.you', { name: v.userName || ct(l, 'collab.anonymous') })}</li>
      ${w.peers.map((p) => html`<li><span class="dot" style=${`background:${p.color}`} aria-hidden="true"></span>${p.name || ct(l, 'collab.anonymous')}</li>`)}
    </ul>
    ${w.readOnly ? html`<span class="observer">${ct(l, 'collab.readOnly')}</span>` : nothing}
    ${w.error ? html`<p class="workshop-error" role="alert">${w.error.message[l]}</p>` : nothing}
    ${
      w.offered.length > 0
        ? html`<div class="workshop-offer"><span id="workshop-offer-label">${ct(l, 'collab.offer.label')}:</span>
      <ul aria-labelledby="workshop-offer-label">${w.offered.map((s) => html`<li>${s.name} <button type="button" aria-label=${ct(l, 'collab.offer.shareNamed', { name: s.name })} @click=${() => w.share(s.id)}>${ct(l, 'collab.offer.share')}</button></li>`)}</ul>
    </div>`
        : nothing
    }`;
}
