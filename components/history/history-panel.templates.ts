import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import { hpt } from '../../src/i18n/history-panel.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import { locationLabel } from '../findings/location-label.ts';
import { timeText } from '../signoff/time-text.ts';
import type { HistoryEntry, HistoryRequest } from '../shared/events.ts';
import type { HistoryView } from './history-panel.ts';
import { historyPanelStyles } from './history-panel.styles.ts';
import '../compare/compare.ts';

/*
 * What <rp-history-panel> shows inside its dialog: the title, the entries and the comparison with
 * now. Its own chunk, loaded when the first history panel is connected.
 */

export const viewStyles = [historyPanelStyles];

/** What the panel's view reads from its element. */
export interface HistoryPanelView {
  locale: Locale;
  readonly: boolean;
  plan: Plan | null;
  view: HistoryView;
  message: string;
  ask: (detail: HistoryRequest) => void;
}

/** A value as the history lists it: text as it is, an amount by its amount, anything else compact. */
export function valueText(value: unknown, locale: Locale): string {
  if (value === undefined) return hpt(locale, 'history.absent');
  if (value === null || value === '') return hpt(locale, 'history.empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, locale)).join(', ');
  const o = value as Record<string, unknown>;
  if (typeof o.amount === 'string') return [o.amount, o.per].filter((x) => typeof x === 'string').join(' / ');
  if (typeof o.name === 'string') return o.name;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

export function renderHistory(p: HistoryPanelView): TemplateResult {
  const v = p.view;
  const l = p.locale;
  const title = v.place
    ? hpt(l, 'history.titleCell', { place: locationLabel(v.place, p.plan, l) })
    : hpt(l, 'history.titleTimeline');
  return html`<header>
      <h2 id="history-title" tabindex="-1">${title}</h2>
      <div class="actions">
        ${
          v.place
            ? html`<button type="button" @click=${() => p.ask({ action: 'timeline' })}>
              ${hpt(l, 'history.timeline')}
            </button>`
            : nothing
        }
        <button type="button" @click=${() => p.ask({ action: 'close' })}>${hpt(l, 'history.close')}</button>
      </div>
    </header>
    <p class="muted">${hpt(l, 'history.rule')}</p>
    <p role="status" class="muted">${p.message}</p>
    ${
      v.place && v.current !== undefined
        ? html`<p><strong>${hpt(l, 'history.current')}:</strong> ${valueText(v.current, l)}</p>`
        : nothing
    }
    ${v.compare ? comparison(p, v.compare) : nothing}
    ${v.busy ? html`<p class="muted busy">${hpt(l, 'history.reading')}</p>` : nothing}
    ${
      v.entries.length === 0
        ? v.busy
          ? nothing
          : html`<p>${hpt(l, 'history.none')}</p>`
        : html`<ol aria-busy=${v.busy ? 'true' : 'false'}>
          ${v.entries.map((e) => entry(p, e, v.place))}
        </ol>`
    }`;
}

function comparison(p: HistoryPanelView, c: NonNullable<HistoryView['compare']>): TemplateResult {
  const l = p.locale;
  const at = timeText(c.at, l);
  const title = hpt(l, 'history.compareTitle', { at });
  // The comparison's own heading names the two moments; the buttons sit above it.
  return html`<section class="compare" aria-label=${title}>
    <header>
      <button type="button" @click=${() => p.ask({ action: 'compare-moments', id: c.id })}>
        ${hpt(l, 'history.compareMoments')}
      </button>
      <button type="button" @click=${() => p.ask({ action: 'compare', id: null })}>
        ${hpt(l, 'history.compareClose')}
      </button>
    </header>
    <rp-compare
      differences-only
      heading=${title}
      chart-caption=${hpt(l, 'history.chart')}
      .locale=${l}
      .scenarios=${[
        { name: hpt(l, 'history.then', { at }), plan: c.then },
        { name: hpt(l, 'history.now'), plan: c.now },
      ]}
    ></rp-compare>
  </section>`;
}

function entry(p: HistoryPanelView, e: HistoryEntry, place: FindingLocation | null): TemplateResult {
  const l = p.locale;
  const at = timeText(e.at, l);
  const who = e.kind === 'start' ? hpt(l, 'history.start') : e.by || hpt(l, 'history.nobody');
  const what = place?.field
    ? valueText(e.value, l)
    : e.kind === 'stored-version'
      ? hpt(l, 'history.storedVersion', { name: e.name ?? '' })
      : e.kind === 'version'
        ? hpt(l, 'history.version', { name: e.name ?? '' })
        : e.kind === 'start'
          ? ''
          : e.what.length === 0
            ? hpt(l, 'history.noChanges')
            : hpt(l, 'history.changes', {
                count: e.what.length,
                list: e.what
                  .slice(0, 4)
                  .map((w) => locationLabel(w, p.plan, l))
                  .join('; '),
              });
  const hint = place?.field
    ? hpt(l, 'history.restoreValue', { value: valueText(e.value, l) })
    : place
      ? hpt(l, 'history.restoreRow', { at })
      : hpt(l, 'history.restorePoint', { at });
  return html`<li class=${e.kind}>
    <div>
      <p class="by">${hpt(l, 'history.byAt', { name: who, at })}</p>
      ${what ? html`<p class="what">${what}</p>` : nothing}
    </div>
    <div class="actions">
      ${
        place || e.kind === 'stored-version'
          ? nothing
          : html`<button
            type="button"
            aria-label=${`${hpt(l, 'history.compare')}: ${hpt(l, 'history.compareHint', { at })}`}
            @click=${() => p.ask({ action: 'compare', id: e.id })}
          >
            ${hpt(l, 'history.compare')}
          </button>`
      }
      <button
        type="button"
        ?disabled=${p.readonly}
        aria-label=${`${hpt(l, 'history.restore')}: ${hint}`}
        title=${hint}
        @click=${() => p.ask({ action: 'restore', id: e.id })}
      >
        ${hpt(l, 'history.restore')}
      </button>
    </div>
  </li>`;
}
