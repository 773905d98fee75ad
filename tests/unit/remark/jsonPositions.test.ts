/** The one JSON position scanner (src/permissions/jsonPositions.ts), as the remark plugins and the manifest reader use it. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {findDuplicateKey, jsonValuePositions, lineAndColumn, spanOfPath, splitJsonPath} from '../../../src/permissions/jsonPositions';

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

describe('lineAndColumn', () => {
  it('counts lines at \\n (so \\r\\n too) and columns from 1', () => {
    const crlf = '{\r\n  "a": 1,\r\n  "b": 2\r\n}';
    expect(lineAndColumn(crlf, 0)).toEqual({line: 1, column: 1});
    expect(lineAndColumn(crlf, crlf.indexOf('"b"'))).toEqual({line: 3, column: 3});
    expect(lineAndColumn('a\nb', 1)).toEqual({line: 1, column: 2});
    expect(lineAndColumn('a\nb', 2)).toEqual({line: 2, column: 1});
  });

  it('agrees with the spans of the values', () => {
    const spans = jsonValuePositions(text);
    for (const span of spans.values()) {
      const {line, column} = span.start;
      expect(lineAndColumn(text, span.start.offset)).toEqual({line, column});
    }
  });
});

describe('jsonValuePositions on any JSON', () => {
  it('spans exactly the text of each value, with escaped keys and a byte order mark', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), fc.boolean(), fc.boolean(), (value, pretty, bom) => {
        const written = `${bom ? '\uFEFF' : ''}${JSON.stringify(value, null, pretty ? 2 : undefined)}`;
        const spans = jsonValuePositions(written);
        const visit = (at: unknown, path: Array<string | number>): void => {
          // A key with '.' or '[' (or none) cannot be told apart in the engine's notation; profiles have none.
          if (path.some((key) => typeof key === 'string' && /[.[\]]|^$/.test(key))) return;
          const span = spanOfPath(spans, path);
          expect(JSON.parse(written.slice(span!.start.offset, span!.end.offset))).toEqual(at);
          if (Array.isArray(at)) at.forEach((item, index) => visit(item, [...path, index]));
          else if (at && typeof at === 'object') for (const [key, item] of Object.entries(at)) visit(item, [...path, key]);
        };
        visit(JSON.parse(written.replace(/^\uFEFF/, '')), []);
      }),
      {numRuns: 200},
    );
  });
});

describe('findDuplicateKey', () => {
  it('finds the second occurrence of a key in one object, escapes resolved, at any depth', () => {
    expect(findDuplicateKey('{"a": 1, "b": {"c": 1, "\\u0063": 2}}')).toEqual({key: 'c', offset: 23});
    expect(findDuplicateKey('[{"a": 1}, {"a": 2}]')).toBeNull();
    expect(findDuplicateKey('{"a": {"b": 1}, "b": 2}')).toBeNull();
  });
});
