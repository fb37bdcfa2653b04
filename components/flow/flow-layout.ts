import type { FlowGraph, FlowLink, FlowNode } from './flow-model.ts';

/*
 * Positions for the SVG: nodes stacked per column, link bands whose thickness is proportional to
 * the amount. Pixel numbers only; one shared scale for all columns so equal money looks equal.
 */

export interface PlacedNode extends FlowNode {
  x: number;
  y: number;
  h: number;
}
export interface PlacedLink extends FlowLink {
  path: string;
}
export interface FlowLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
  columnX: number[];
}

export const NODE_WIDTH = 14;
const GAP = 10;
const MIN_H = 2;

export function layoutFlow(graph: FlowGraph, width: number, height: number, top = 28): FlowLayout {
  const count = Math.max(2, graph.headings.length);
  const ids = Array.from({ length: count }, (_, c) => c);
  const columnX = ids.map((c) => Math.round(((width - NODE_WIDTH) * c) / (count - 1)));
  const columns = ids.map((c) =>
    graph.nodes.filter((n) => n.column === c).sort((a, b) => a.domainIndex - b.domainIndex),
  );
  const usable = height - top;
  // The fullest column fixes the scale; amounts become pixels only here.
  const scale = Math.min(
    ...columns
      .filter((col) => col.length > 0)
      .map((col) => {
        const sum = col.reduce((s, n) => s + n.amount.toNumber(), 0);
        return sum > 0 ? (usable - GAP * (col.length - 1) - MIN_H * col.length) / sum : Infinity;
      }),
  );
  const px = (n: { amount: { toNumber(): number } }) =>
    Math.max(MIN_H, n.amount.toNumber() * (Number.isFinite(scale) ? Math.max(scale, 0) : 0));
  const placed = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    let y = top;
    for (const n of col) {
      const h = px(n);
      placed.set(n.key, { ...n, x: columnX[c]!, y, h });
      y += h + GAP;
    }
  });
  const outOffset = new Map<string, number>();
  const inOffset = new Map<string, number>();
  const links: PlacedLink[] = [];
  const order = (l: FlowLink) => placed.get(l.target)?.y ?? 0;
  for (const l of [...graph.links].sort((a, b) => order(a) - order(b))) {
    const s = placed.get(l.source);
    const t = placed.get(l.target);
    if (!s || !t) continue;
    const thick = px(l);
    const sy = s.y + (outOffset.get(s.key) ?? 0);
    const ty = t.y + (inOffset.get(t.key) ?? 0);
    outOffset.set(s.key, (outOffset.get(s.key) ?? 0) + thick);
    inOffset.set(t.key, (inOffset.get(t.key) ?? 0) + thick);
    const x0 = s.x + NODE_WIDTH;
    const x1 = t.x;
    const mx = (x0 + x1) / 2;
    const f = (v: number) => v.toFixed(1);
    links.push({
      ...l,
      path:
        `M${f(x0)},${f(sy)}C${f(mx)},${f(sy)} ${f(mx)},${f(ty)} ${f(x1)},${f(ty)}` +
        `L${f(x1)},${f(ty + thick)}C${f(mx)},${f(ty + thick)} ${f(mx)},${f(sy + thick)} ${f(x0)},${f(sy + thick)}Z`,
    });
  }
  return { width, height, nodes: [...placed.values()], links, columnX };
}
