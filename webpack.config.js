// Builds the add-in pages and the web page (dist/web/, for staff without the add-in) into dist/,
// which the service serves. TypeScript is transpiled by esbuild-loader (type checks are
// `npm run typecheck`), so no classic compiler API is needed.

import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const pages = {
  taskpane: './addin/taskpane/taskpane',
  commands: './addin/commands/commands',
  notice: './addin/commands/notice',
  'web/index': './web/index',
};

export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  // webpack's own runtime (e.g. finding the stylesheet's address) is written for the same browsers as the code.
  target: ['web', 'es2017'],
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: Object.fromEntries(Object.entries(pages).map(([name, base]) => [name, `${base}.ts`])),
  output: { path: path.resolve(import.meta.dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      { test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2017' } },
      // The web page links its stylesheet as a file (its CSP refuses inline styles); the add-in's
      // task pane, which has no such policy, inlines its own.
      {
        test: /\.css$/,
        include: path.resolve(import.meta.dirname, 'web'),
        type: 'asset/resource',
        generator: { filename: 'web/[name].[contenthash:8][ext]' },
      },
      { test: /\.css$/, exclude: path.resolve(import.meta.dirname, 'web'), type: 'asset/source' },
    ],
  },
  plugins: Object.entries(pages).map(
    ([name, base]) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: `${base}.html`, chunks: [name] }),
  ),
  performance: { hints: false },
});
