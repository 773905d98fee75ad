/**
 * Rspack/webpack loader (plain CommonJS: loaders are required by the bundler, not by jiti):
 * makes a docs page that uses `::permission-table` or `::permission-changes` depend on the
 * permission profiles, so editing a permissions.json recompiles the page. Without it, the
 * bundler's persistent cache would keep the old table, and a typo in a profile would not
 * fail the next build. The source passes through unchanged.
 *
 * Options: {files: string[]} — every permissions.json of every version, and versions.json.
 */
module.exports = function profileDependencyLoader(source) {
  const {files} = this.getOptions();
  if (source.includes('::permission-')) {
    for (const file of files) this.addDependency(file);
  }
  return source;
};
