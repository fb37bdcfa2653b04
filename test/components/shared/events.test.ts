import { expect } from 'chai';
import { emit, type RpChangeDetail, type RpEventName } from '../../../components/shared/events.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';

/*
 * The one typed emit(): every rp-* event bubbles and crosses shadow roots, and a host's listener is
 * typed by the global event map (this file does not compile if the map loses an event).
 */

describe('rp-* events (components/shared/events.ts)', () => {
  it('emit() dispatches a bubbling, composed CustomEvent that leaves a shadow root with its detail', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const seen: RpChangeDetail[] = [];
    // Typed through the global event map: e.detail is RpChangeDetail without a cast.
    const listener = (e: HTMLElementEventMap['rp-change']) => seen.push(e.detail);
    document.addEventListener('rp-change', listener);
    const detail: RpChangeDetail = { plan: handbookPlan(), findings: [] };
    emit(inner, 'rp-change', detail);
    document.removeEventListener('rp-change', listener);
    host.remove();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.equal(detail);
  });

  it('names every event the elements fire', () => {
    const names: RpEventName[] = [
      'rp-change',
      'rp-error',
      'rp-edit',
      'rp-undo',
      'rp-redo',
      'rp-select',
      'rp-focus-finding',
      'rp-flow-select',
      'rp-export',
      'rp-export-error',
      'rp-saved',
      'rp-store-error',
      'rp-scenario-select',
      'rp-scenario-created',
      'rp-scenario-renamed',
      'rp-scenario-deleted',
      'rp-scenario-restored',
      'rp-scenario-chosen',
      'rp-snapshot-restored',
    ];
    expect(new Set(names).size).to.equal(names.length);
    const el = document.createElement('div');
    const got: unknown[] = [];
    el.addEventListener('rp-select', (e) => got.push(e.detail?.rowId));
    emit(el, 'rp-select', { section: 'activities', rowId: 'a1', field: 'name' });
    expect(got).to.deep.equal(['a1']);
  });
});
