/**
 * Shared by our remark plugins: find the permission profile a directive refers to, parse it,
 * check its names against the catalog, and fail the build with file:line:column when
 * something is wrong (vfile messages with positions, so Docusaurus prints where to look).
 *
 * Node only (reads files): used at build time, never bundled for the browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {VFile} from 'vfile';
import type {Node} from 'unist';
import type {Parent, Root} from 'mdast';
import type {LeafDirective} from 'mdast-util-directive';
import {visit} from 'unist-util-visit';
// Node, at build time: the whole catalog, so every name of a profile can be checked.
import '../permissions/catalogInFull';
import {findPermission} from '../permissions/catalog';
import {otherType} from '../permissions/permissionType';
import type {Profile} from '../permissions/types';
import {CURRENT_VERSION, locateDocFile, releasedVersions} from '../profiles/locate';
import {jsonValuePositions, spanOfPath, splitJsonPath, type TextSpan} from '../permissions/jsonPositions';
import * as profileModule from '../permissions/profile';

export interface ProfilePluginOptions {
  /** The Docusaurus site folder (holds docs/, versioned_docs/, versions.json). Default: the working directory. */
  siteDir?: string;
}

/** A profile found on disk, with where it came from. */
export interface GuideProfile {
  profile: Profile;
  guide: string;
  version: string;
  file: string;
}

/** One thing wrong, at a place in a file. */
export interface PlacedProblem {
  reason: string;
  span: TextSpan | undefined;
}

const SOURCE = 'permission-profile';

/** `docs/office365/permissions.json` (relative to the site, forward slashes) where possible. */
export function displayPath(siteDir: string, file: string): string {
  const relative = path.relative(siteDir, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}

/**
 * A message of `file` about a place in another file (`problemFile`, e.g. the permissions.json
 * a page uses): file.message() names the compiled page, so point `file` and `name` at the
 * file the problem is in.
 */
function messageAbout(file: VFile, problemFile: string, reason: string, span: TextSpan | undefined, ruleId: string): ReturnType<VFile['message']> {
  const message = file.message(reason, {place: span, ruleId, source: SOURCE});
  const where = file.path && message.name.startsWith(`${file.path}:`) ? message.name.slice(file.path.length + 1) : message.name;
  message.file = problemFile;
  message.name = `${problemFile}:${where}`;
  return message;
}

/**
 * Records every problem as a message of `file` (each with its own file and position) and
 * stops the build with one fatal message (as file.fail does) that lists them all as
 * `path:line:column: reason`, which is what Docusaurus prints.
 */
export function failWithProblems(
  file: VFile,
  problemFile: string,
  siteDir: string,
  problems: PlacedProblem[],
  ruleId: string,
): never {
  const shown = displayPath(siteDir, problemFile);
  const lines = problems.map(({reason, span}) =>
    span ? `${shown}:${span.start.line}:${span.start.column}: ${reason}` : `${shown}: ${reason}`,
  );
  if (problems.length > 1) {
    // One message per problem, each at its own place; the fatal one below lists them all.
    for (const {reason, span} of problems) messageAbout(file, problemFile, reason, span, ruleId);
  }
  const fatal = messageAbout(file, problemFile, lines.join('\n'), problems[0]?.span, ruleId);
  fatal.fatal = true;
  throw fatal;
}

/** Stops the build at a directive of the page being compiled. */
export function failAtNode(file: VFile, siteDir: string, node: Node, reason: string, ruleId: string): never {
  const position = node.position;
  const span = position
    ? {
        start: {line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0},
        end: {line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0},
      }
    : undefined;
  return failWithProblems(file, file.path || 'page', siteDir, [{reason, span}], ruleId);
}

/**
 * Problems of a profile's text, each placed at the offending value: schema problems
 * (from ProfileError) and names the catalog does not know (at the name, or at the type when
 * the name exists only with the other type). Empty when the profile is fine.
 */
export function profileProblems(
  text: string,
  sourceName: string,
): {profile: Profile | null; problems: PlacedProblem[]} {
  const spans = () => jsonValuePositions(text);
  let profile: Profile;
  try {
    profile = profileModule.parseProfile(text, sourceName);
  } catch (error) {
    if (!(error instanceof profileModule.ProfileError)) throw error;
    const positions = spans();
    return {
      profile: null,
      problems: error.problems.map((problem) => ({
        reason: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
        span: spanOfPath(positions, splitJsonPath(problem.path)),
      })),
    };
  }
  const catalogProblems = profileModule.checkProfileAgainstCatalog(profile);
  if (catalogProblems.length === 0) return {profile, problems: []};
  const positions = spans();
  return {
    profile,
    problems: catalogProblems.map((problem) => {
      const resourceIndex = profile.resources.findIndex((r) => r.resourceAppId === problem.resourceAppId.toLowerCase());
      const wrongType = findPermission(problem.resourceAppId, problem.value, otherType(problem.type)) !== undefined;
      const key = wrongType ? 'type' : 'value';
      return {
        reason: problem.message,
        span: spanOfPath(positions, ['resources', resourceIndex, problem.list, problem.index, key]),
      };
    }),
  };
}

/** Reads, parses and checks one permissions.json; fails the build (pointing into the JSON) when it is not right. */
export function loadCheckedProfile(file: VFile, siteDir: string, jsonFile: string, ruleId: string): Profile {
  const text = fs.readFileSync(jsonFile, 'utf8');
  const {profile, problems} = profileProblems(text, displayPath(siteDir, jsonFile));
  if (problems.length > 0 || !profile) failWithProblems(file, jsonFile, siteDir, problems, ruleId);
  return profile;
}

/** The versions a directive may name: released ones (versions.json), then "current". */
export function knownVersions(siteDir: string): string[] {
  return [...releasedVersions(siteDir), CURRENT_VERSION];
}

/** The guide and version of the page being compiled, or null when it is not a docs page. */
export function pageGuide(siteDir: string, pagePath: string): {guide: string; version: string; file: string} | null {
  const located = pagePath ? locateDocFile(siteDir, pagePath) : null;
  if (!located) return null;
  return {
    guide: path.basename(located.guideDir),
    version: located.version,
    file: path.join(located.guideDir, 'permissions.json'),
  };
}

/** Every `::name` leaf directive of a tree, with where it sits, in document order. */
export function directivesNamed(tree: Root, name: string): Array<{node: LeafDirective; parent: Parent; index: number}> {
  const found: Array<{node: LeafDirective; parent: Parent; index: number}> = [];
  visit(tree, 'leafDirective', (node, index, parent) => {
    if (node.name === name && parent && index !== undefined) found.push({node, parent, index});
  });
  return found;
}
