import { expect } from 'chai';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { editPlan, until } from './page.ts';

/**
 * The example page's own "Download annex" button: it calls `planner.exportScenario('docx')` and
 * saves the File; while the plan has errors the element refuses, and the page shows why.
 */
export function describeDownload(page: string, open: () => Promise<Document>): void {
  describe(`a host's own download button (${page})`, function () {
    this.timeout(60_000);
    let doc: Document;
    let planner: RpPlanner;
    const status = () => doc.querySelector('#download-status')!.textContent!.trim();

    before(async () => {
      doc = await open();
      await until(() => !!doc.querySelector<RpPlanner>('rp-planner')?.plan, 'the planner with its plan');
      planner = doc.querySelector<RpPlanner>('rp-planner')!;
      await planner.updateComplete;
    });

    it('downloads the contract annex the element makes', async () => {
      const saved: string[] = [];
      // The page saves through a link with a download name; record it instead of leaving the page.
      const view = doc.defaultView!;
      const click = view.HTMLAnchorElement.prototype.click;
      view.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push(this.download);
      };
      try {
        doc.querySelector<HTMLButtonElement>('#download')!.click();
        await until(() => status() !== '', 'the download status');
      } finally {
        view.HTMLAnchorElement.prototype.click = click;
      }
      expect(status()).to.match(/^Gedownload: .+\.docx$/);
      expect(saved).to.have.length(1);
      expect(saved[0]).to.match(/bijlage.*\.docx$/);
      const file = await planner.exportScenario('docx');
      expect([file.name, file.size > 2000]).to.deep.equal([saved[0], true]);
    });

    it('shows the refusal while the plan has errors', async () => {
      await editPlan(planner);
      await until(() => planner.findings.some((f) => f.severity === 'error'), 'an error in the plan');
      doc.querySelector<HTMLButtonElement>('#download')!.click();
      await until(() => status().startsWith('Exporteren kan niet'), 'the refusal');
      expect(status()).to.match(/fout\(en\)/);
    });
  });
}
