import { expect } from 'chai';
import { warnBeforeUnloadWhileUnsaved, type UnsavedSignal } from '../../src/store/before-unload.ts';

/** A store's unsaved signal that the test switches by hand. */
function signal(): UnsavedSignal & { set(unsaved: boolean): void } {
  let unsaved = false;
  const listeners = new Set<(unsaved: boolean) => void>();
  return {
    get unsaved() {
      return unsaved;
    },
    onUnsavedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      unsaved = next;
      for (const l of listeners) l(next);
    },
  };
}

/** An event target that counts its beforeunload listeners. */
function page() {
  const target = new EventTarget();
  let listeners = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    if (type === 'beforeunload') listeners++;
    add(type, listener);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    if (type === 'beforeunload') listeners--;
    remove(type, listener);
  };
  const warns = () => {
    const event = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { target: target as unknown as Window, listeners: () => listeners, warns };
}

describe('warnBeforeUnloadWhileUnsaved', () => {
  it('asks before the page closes only while edits exist only in memory, and listens only then', () => {
    const store = signal();
    const p = page();
    const stop = warnBeforeUnloadWhileUnsaved(store, p.target);
    // No listener while all is stored: a beforeunload listener can keep a page out of the back/forward cache.
    expect([p.listeners(), p.warns()]).to.deep.equal([0, false]);
    store.set(true);
    expect([p.listeners(), p.warns()]).to.deep.equal([1, true]);
    store.set(true);
    expect(p.listeners()).to.equal(1);
    store.set(false);
    expect([p.listeners(), p.warns()]).to.deep.equal([0, false]);
    store.set(true);
    stop();
    expect([p.listeners(), p.warns()]).to.deep.equal([0, false]);
  });

  it('warns at once for a store that is unsaved already', () => {
    const store = signal();
    store.set(true);
    const p = page();
    const stop = warnBeforeUnloadWhileUnsaved(store, p.target);
    expect(p.warns()).to.equal(true);
    stop();
  });
});
