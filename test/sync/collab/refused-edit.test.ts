import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newPlan } from '../../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { connectCollab, type CollabSession } from '../../../src/sync/collab/index.ts';
import { WorkshopController } from '../../../components/planner/workshop.ts';

/*
 * In a real browser, through the path the planner shows workshop messages on (WorkshopController's
 * view.error, rendered by planner.templates.ts): an edit the server refuses (4422 invalid-update) is
 * told in Dutch and English, the client does not reconnect in a loop, and the plan shows the
 * room's version again. The server is the development one started by the test runner.
 */

interface ServerInfo {
  url: string;
  editor: string;
  observer: string;
}
let server: ServerInfo | null = null;

async function until(check: () => boolean, label: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Counts the WebSockets the page opens to the collaboration server. */
function countSockets(url: string): { count: () => number; restore: () => void } {
  const Native = window.WebSocket;
  let n = 0;
  window.WebSocket = class extends Native {
    constructor(u: string | URL, p?: string | string[]) {
      super(u, p);
      if (String(u).startsWith(url)) n++;
    }
  } as typeof WebSocket;
  return {
    count: () => n,
    restore: () => {
      window.WebSocket = Native;
    },
  };
}

const host = (): ReactiveControllerHost => ({
  addController: (_c: ReactiveController) => {},
  removeController: () => {},
  requestUpdate: () => {},
  updateComplete: Promise.resolve(true),
});

describe('a workshop edit the server refuses (browser)', function () {
  this.timeout(60_000);
  const states: YPlanState[] = [];
  const sessions: CollabSession[] = [];
  let sockets: { count: () => number; restore: () => void } | null = null;

  before(async function () {
    try {
      server = await executeServerCommand<ServerInfo, undefined>('rp-collab-server');
    } catch {
      server = null;
    }
    if (!server) this.skip();
  });

  afterEach(() => {
    sockets?.restore();
    sessions.splice(0).forEach((s) => s.disconnect());
    states.splice(0).forEach((s) => s.destroy());
  });

  it("is told in the workshop view, not retried in a loop, and the room's plan comes back", async () => {
    const room = `plan-refused-${Date.now()}`;
    const other = createPlanState(newPlan(room, 'Werkplan'));
    states.push(other);
    const otherSession = connectCollab(other, { url: server!.url, room, token: server!.editor, userName: 'Ander' });
    sessions.push(otherSession);
    await until(() => otherSession.synced, 'other connected');

    sockets = countSockets(server!.url);
    const mine = createPlanState(newPlan(room, 'Werkplan'));
    states.push(mine);
    const workshop = new WorkshopController(host());
    await workshop.connect(mine, { url: server!.url, room, token: server!.editor, userName: 'Ik' });
    await until(() => workshop.view?.status === 'connected', 'workshop connected');
    await until(() => mine.plan.name === other.plan.name, 'same plan');
    const agreed = other.plan.name;

    // A bug (or a hand-made edit) writes a value the plan schema does not allow.
    mine.doc.getMap('plan').set('name', 42);
    await until(() => workshop.view?.error?.code === 'invalid-update', 'refusal shown in the workshop view');
    expect(workshop.view!.error!.message.nl).to.match(/werksessie heeft uw laatste wijziging geweigerd/);
    expect(workshop.view!.error!.message.en).to.match(/workshop refused your last change/);
    const opened = sockets.count();

    await until(() => workshop.view?.status === 'connected' && mine.plan.name === agreed, "the room's plan is back");
    // Still said once connected again, so the person sees why their change went.
    await until(() => workshop.view?.error?.code === 'invalid-update', 'message kept after rejoining');
    await new Promise((r) => setTimeout(r, 5000));
    expect(sockets.count() - opened, 'sockets opened after the refusal').to.be.at.most(2);
    expect(workshop.view!.status).to.equal('connected');
    expect(other.plan.name).to.equal(agreed);
    workshop.disconnect();
  });
});
