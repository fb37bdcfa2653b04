import { html, type TemplateResult } from 'lit';
import type { EvaluationMoment, Plan } from '../../src/model/plan.ts';
import type { RpPlanDetails } from './plan-details.ts';
import { typedValue } from '../shared/typed-value.ts';

/*
 * What the parties agree about the cooperation itself: how patients' representatives are involved
 * (handleiding §2 "Wanneer te gebruiken?": "in afstemming met patiënten vertegenwoordiging") and
 * the agreed evaluation moments (§4 "Hoe te gebruiken?": "evaluatie van de samenwerking").
 */
export function agreementFields(host: RpPlanDetails, plan: Plan): TemplateResult {
  const moments = plan.evaluationMoments;
  const setMoments = (next: EvaluationMoment[]) => host.set('evaluationMoments', next);
  const at = (i: number, patch: Partial<EvaluationMoment>) =>
    setMoments(moments.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const readonly = host.readonly;
  return html`<fieldset>
    <legend>${host.tr('details.agreement')}</legend>
    <div class="fields">
      ${host.textArea(
        'patientRepresentation',
        'details.patientRepresentation',
        plan.patientRepresentation,
        (v) => host.set('patientRepresentation', v),
        'details.patientRepresentation.hint',
      )}
      <div class="field wide">
        <span class="label" id="moments-label">${host.tr('details.evaluationMoments')}</span>
        ${
          moments.length === 0
            ? html`<p class="hint">${host.tr('details.noEvaluation')}</p>`
            : html`
        <table class="moments" aria-labelledby="moments-label">
          <thead><tr><th>${host.tr('details.evaluationDate')}</th><th>${host.tr('details.evaluationTopic')}</th><th></th></tr></thead>
          <tbody>${moments.map(
            (mo, i) => html`<tr>
            <td>${host.dateField(`evaluationMoments.${i}.date`, `${host.tr('details.evaluationDate')} ${i + 1}`, mo.date, (v) => at(i, { date: v }))}</td>
            <td><input type="text" maxlength="500" data-section="plan" data-field=${`evaluationMoments.${i}.topic`}
              aria-label=${`${host.tr('details.evaluationTopic')} ${i + 1}`} .value=${typedValue(mo.topic)} ?readonly=${readonly}
              @change=${(e: Event) => at(i, { topic: (e.target as HTMLInputElement).value })} /></td>
            <td>${
              readonly
                ? ''
                : html`<button type="button" aria-label=${host.tr('details.removeEvaluation', { n: i + 1 })}
              title=${host.tr('details.removeEvaluation', { n: i + 1 })} @click=${() => setMoments(moments.filter((_, j) => j !== i))}>×</button>`
            }</td>
          </tr>`,
          )}</tbody>
        </table>`
        }
        ${readonly ? '' : html`<div><button type="button" @click=${() => setMoments([...moments, { date: null, topic: '' }])}>${host.tr('details.addEvaluation')}</button></div>`}
      </div>
    </div>
  </fieldset>`;
}
