import {describe, expect, it} from 'vitest';
import {jsonValuePositions, spanOfPath, splitJsonPath} from '../../../src/remark/jsonPositions';

const text = [
  '{',
  '  "a": "x\\"y",',
  '  "list": [',
  '    {"value": "One", "n": -1.5e3},',
  '    {"value": "Two", "ok": true, "none": null}',
  '  ]',
  '}',
].join('\n');

describe('jsonValuePositions', () => {
  const spans = jsonValuePositions(text);

  it('places every value by its path (1-based line and column)', () => {
    expect(spans.get('a')?.start).toMatchObject({line: 2, column: 8});
    expect(spans.get('list[0].value')?.start).toMatchObject({line: 4, column: 15});
    expect(spans.get('list[0].n')?.start).toMatchObject({line: 4, column: 27});
    expect(spans.get('list[1].value')?.start).toMatchObject({line: 5, column: 15});
    expect(spans.get('list[1].none')?.start).toMatchObject({line: 5, column: 42});
    expect(spans.get('list[1]')?.start).toMatchObject({line: 5, column: 5});
    expect(spans.get('')?.start).toMatchObject({line: 1, column: 1});
  });

  it('ends a string value after its closing quote', () => {
    const span = spans.get('list[0].value');
    expect(text.slice(span?.start.offset, span?.end.offset)).toBe('"One"');
  });

  it('falls back to the nearest parent for a missing key', () => {
    expect(spanOfPath(spans, splitJsonPath('list[1].why')).start).toMatchObject({line: 5, column: 5});
    expect(spanOfPath(spans, ['nothing', 3]).start).toMatchObject({line: 1, column: 1});
  });

  it('keeps what it found in broken JSON', () => {
    const broken = jsonValuePositions('{"a": 1, "b": ');
    expect(broken.get('a')?.start).toMatchObject({line: 1, column: 7});
    expect(broken.has('b')).toBe(false);
  });
});

describe('splitJsonPath', () => {
  it('reads the engine notation', () => {
    expect(splitJsonPath('resources[0].required[12].value')).toEqual(['resources', 0, 'required', 12, 'value']);
    expect(splitJsonPath('')).toEqual([]);
  });
});
