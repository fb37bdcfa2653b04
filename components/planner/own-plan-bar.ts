import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { st } from '../../src/i18n/store.ts';
import { t } from '../../src/i18n/index.ts';
import { INTL_TAG } from '../../src/i18n/locale.ts';
import type { PlanInfo } from '../../src/store/types.ts';

/** What the planner's plan bar shows: where the plan comes from, and the user's own plans. */
export interface OwnPlanView {
  locale: Locale;
  locked: boolean;
  /** The shown plan is the user's own (not the site's plan or a sample). */
  own: boolean;
  /** The host's plan, shown instead before: the way back to it. */
  hostName: string | null;
  /** The "Nieuw plan" choice is open. */
  menu: boolean;
  /** The user's plans stored in this browser, apart from the one shown. */
  mine: readonly PlanInfo[];
  /** What the last open said: opened, or refused and why (nothing was changed). */
  message: { ok: boolean; text: Msg } | null;
  on: {
    menu(open: boolean): void;
    newPlan(kind: 'empty' | 'template'): void;
    open(file: File): void;
    reopen(plan: PlanInfo): void;
    back(): void;
    dismiss(): void;
  };
}

/**
 * "Nieuw plan" (empty, or from the handleiding's example) and "Plan openen (.json)", and, while
 * the user's own plan is shown, a badge saying so and the way back to the site's plan. Every
 * control is a button (the file input is opened by one), so all of it works from the keyboard.
 */
export function ownPlanBar(v: OwnPlanView): TemplateResult {
  const l = v.locale;
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) v.on.open(file);
  };
  const choose = (e: Event) =>
    ((e.currentTarget as HTMLElement).parentElement!.querySelector('input[type="file"]') as HTMLInputElement).click();
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !v.menu) return;
    e.stopPropagation();
    v.on.menu(false);
    (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>('.own-new')?.focus();
  };
  return html`<div class="own-plans" role="group" aria-label=${st(l, 'own.label')} @keydown=${escape}>
    ${v.own ? html`<span class="own-badge" title=${st(l, 'own.badgeHint')}>${st(l, 'own.badge')}</span>` : nothing}
    ${
      v.own && v.hostName !== null
        ? html`<button type="button" class="own-back" @click=${v.on.back}>
            ${st(l, 'own.back', { name: v.hostName || t(l, 'planner.untitled') })}
          </button>`
        : nothing
    }
    <button
      type="button"
      class="own-new"
      aria-expanded=${v.menu ? 'true' : 'false'}
      aria-controls="own-new-choice"
      ?disabled=${v.locked}
      @click=${() => v.on.menu(!v.menu)}
    >
      ${st(l, 'own.new')}
    </button>
    ${
      v.menu && !v.locked
        ? html`<span id="own-new-choice" class="own-choice">
            <button type="button" @click=${() => v.on.newPlan('empty')}>${st(l, 'own.newEmpty')}</button>
            <button type="button" @click=${() => v.on.newPlan('template')}>${st(l, 'own.newTemplate')}</button>
          </span>`
        : nothing
    }
    <button type="button" class="own-open" ?disabled=${v.locked} @click=${choose}>${st(l, 'own.open')}</button>
    <input type="file" accept=".json,application/json" hidden tabindex="-1" ?disabled=${v.locked} @change=${pick} />
    ${v.mine.length > 0 ? mine(v) : nothing}
    ${
      v.message
        ? html`<p class="notice own-message ${v.message.ok ? 'ok' : 'bad'}" role=${v.message.ok ? 'status' : 'alert'}>
            <span>${v.message.text[l]}</span>
            <button type="button" aria-label=${st(l, 'own.dismiss')} @click=${v.on.dismiss}>×</button>
          </p>`
        : nothing
    }
  </div>`;
}

/** The user's other plans stored in this browser: pick one, then open it (no change of plan on merely picking). */
function mine(v: OwnPlanView): TemplateResult {
  const l = v.locale;
  const date = (ms: number) => new Intl.DateTimeFormat(INTL_TAG[l], { dateStyle: 'medium' }).format(ms);
  const reopen = (e: Event) => {
    const select = (e.currentTarget as HTMLElement).parentElement!.querySelector<HTMLSelectElement>('#own-mine')!;
    const plan = v.mine.find((p) => p.id === select.value);
    if (plan) v.on.reopen(plan);
  };
  return html`<span class="own-mine">
    <label for="own-mine">${st(l, 'own.mine')}</label>
    <select id="own-mine" ?disabled=${v.locked}>
      ${v.mine.map((p) => html`<option value=${p.id}>${st(l, 'own.mineOption', { name: p.name || t(l, 'planner.untitled'), date: date(p.createdAt) })}</option>`)}
    </select>
    <button type="button" ?disabled=${v.locked} @click=${reopen}>${st(l, 'own.openMine')}</button>
  </span>`;
}
