/**
 * Small builders of mdast nodes (GFM tables), so the plugins produce Markdown syntax trees
 * that Docusaurus' MDX pipeline renders like any table written by hand.
 */
import type {InlineCode, Paragraph, PhrasingContent, Table, TableCell, TableRow, Text} from 'mdast';

/** A cell's content: plain text, or phrasing nodes. */
export type CellContent = string | PhrasingContent[];

export function text(value: string): Text {
  return {type: 'text', value};
}

export function code(value: string): InlineCode {
  return {type: 'inlineCode', value};
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return {type: 'paragraph', children};
}

function cell(content: CellContent): TableCell {
  return {type: 'tableCell', children: typeof content === 'string' ? [text(content)] : content};
}

function row(cells: CellContent[]): TableRow {
  return {type: 'tableRow', children: cells.map(cell)};
}

/**
 * A table with a header row; every row must have as many cells as the header. `className`
 * goes to the rendered <table> (for the site's CSS); Markdown output does not show it.
 */
export function table(header: string[], rows: CellContent[][], className?: string): Table {
  for (const cells of rows) {
    if (cells.length !== header.length) throw new Error(`table row has ${cells.length} cells, header has ${header.length}`);
  }
  return {
    type: 'table',
    align: header.map(() => null),
    children: [row(header), ...rows.map(row)],
    ...(className ? {data: {hProperties: {className: [className]}}} : {}),
  };
}
