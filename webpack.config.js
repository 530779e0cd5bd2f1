// Builds the add-in pages and the web page (dist/web/, for staff without the add-in) into dist/,
// which the service serves. TypeScript is transpiled by esbuild-loader (type checks are
// `npm run typecheck`), so no classic compiler API is needed.

import fs from 'node:fs';
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = import.meta.dirname;

/**
 * Writes dist/build-inputs.json: when the build started and every file of ours it read, so that
 * `npm start` can tell whether dist/ is older than its sources (service/static-build.ts).
 */
class BuildInputs {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BuildInputs', (compilation) => {
      const builtAt = Date.now();
      compilation.hooks.processAssets.tap({ name: 'BuildInputs', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const ours = [...compilation.fileDependencies]
          .filter((file) => file.startsWith(root + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`))
          .filter((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile())
          .map((file) => path.relative(root, file).split(path.sep).join('/'));
        const files = [...new Set([...ours, 'webpack.config.js', 'package-lock.json'])].sort();
        compilation.emitAsset('build-inputs.json', new webpack.sources.RawSource(JSON.stringify({ builtAt, files }, null, 1)));
      });
    });
  }
}

/** What the shared task pane template says of its host: its name, whether it loads office.js, 周通报's chart. */
const EXCEL = { name: 'Excel', officeJs: true, chartNote: '（含各团队收结案图表）' };
const WPS = { name: 'WPS 表格', officeJs: false, chartNote: '' };

/** Each page: its script and HTML template, and what the template says of its host. */
const pages = {
  taskpane: { script: './addin/excel/excel-pane.ts', template: './addin/taskpane/taskpane.html', host: EXCEL },
  commands: { script: './addin/commands/commands.ts', template: './addin/commands/commands.html' },
  notice: { script: './addin/commands/notice.ts', template: './addin/commands/notice.html' },
  'web/index': { script: './web/index.ts', template: './web/index.html' },
  // The WPS 加载项 (served under /wps/addin/): the entry page the ribbon calls, and the same task pane.
  'wps/addin/index': { script: './addin/wps/addin-entry.ts', template: './addin/wps/addin-entry.html' },
  'wps/addin/taskpane': { script: './addin/wps/wps-pane.ts', template: './addin/taskpane/taskpane.html', host: WPS },
  // The IT admin's install page (/wps/, its service address filled in by the service).
  'wps/install': { script: './addin/wps/install.ts', template: './addin/wps/install.html' },
};

export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  // webpack's own runtime (e.g. finding the stylesheet's address) is written for the same browsers as the code.
  target: ['web', 'es2017'],
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, page.script])),
  output: { path: path.resolve(root, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      { test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2017' } },
      // The web page links its stylesheet as a file (its CSP refuses inline styles); the add-in's
      // task pane, which has no such policy, inlines its own.
      {
        test: /\.css$/,
        include: path.resolve(root, 'web'),
        type: 'asset/resource',
        generator: { filename: 'web/[name].[contenthash:8][ext]' },
      },
      { test: /\.css$/, exclude: path.resolve(root, 'web'), type: 'asset/source' },
    ],
  },
  plugins: [
    ...Object.entries(pages).map(
      ([name, page]) =>
        new HtmlWebpackPlugin({
          filename: `${name}.html`,
          template: page.template,
          chunks: [name],
          templateParameters: { host: page.host ?? EXCEL },
        }),
    ),
    new BuildInputs(),
  ],
  performance: { hints: false },
});
