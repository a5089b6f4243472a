/**
 * Two builds into one dist/: the Module Federation remote the shell loads (`./App`: the admins'
 * links and QR codes, a preview of the citizens' form), and the public pages served on their own
 * without login — a small page of plain React (no antd, no federation runtime, no Keycloak) with
 * its service worker, so that a citizen's cheap phone loads only what the form needs.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const { InjectManifest } = require('workbox-webpack-plugin');
const { createConfig, PrecompressPlugin } = require('../webpack.common');

/** The public site's path prefix (src/standalone/routes.ts has the same). */
const publicBase = 'cong-khai';

const remote = createConfig({
  dir: __dirname,
  // Not 'public': the manifest plugin then finds no remoteEntry chunk (webpack 5.111, MF 2.9.2).
  name: 'publicPages',
  exposes: { './App': './src/App.tsx' },
  title: 'Trang công khai — Cổng Chỉ số cải cách hành chính',
});

module.exports = (env, argv) => {
  const [remoteConfig] = remote(env, argv);
  const production = argv.mode !== 'development';
  // The remote writes no index.html (the public page owns it) and cleans nothing: the two
  // builds share dist/, which the build script empties first.
  remoteConfig.plugins = remoteConfig.plugins.filter(
    (plugin) =>
      !(plugin instanceof HtmlWebpackPlugin) &&
      plugin.constructor.name !== 'StandaloneRuntimeTagPlugin',
  );
  remoteConfig.output.clean = false;

  const publicPage = {
    ...remoteConfig,
    name: 'public-page',
    entry: { page: './src/standalone/main.tsx' },
    // Under one prefix, /cong-khai/, so that one ingress rule sends the whole public site here
    // while the shell keeps /; index.html is written at the root too, for the SPA fallback.
    output: {
      ...remoteConfig.output,
      path: path.join(__dirname, 'dist', publicBase),
      publicPath: `/${publicBase}/`,
      uniqueName: 'publicPage',
      filename: production ? '[name].[contenthash:12].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:12].js' : '[name].js',
      clean: false,
    },
    plugins: [
      // The remote's module replacements hold for the page too (zod's locales: English only).
      ...remoteConfig.plugins.filter(
        (plugin) => plugin instanceof webpack.NormalModuleReplacementPlugin,
      ),
      ...['index.html', '../index.html'].map(
        (filename) =>
          new HtmlWebpackPlugin({
            filename,
            template: path.join(__dirname, 'public/index.html'),
            title: 'Khảo sát sự hài lòng — Cổng Chỉ số cải cách hành chính',
            publicPath: `/${publicBase}/`,
            scriptLoading: 'defer',
          }),
      ),
      // The service worker precaches the page's own files, so the surveyors' form opens
      // offline; it is built from src/standalone/service-worker.ts.
      new InjectManifest({
        swSrc: path.join(__dirname, 'src/standalone/service-worker.ts'),
        swDest: 'sw.js',
        // Only this build's files are listed (the remote's are another compilation's).
        exclude: [/\.map$/, /\.br$/, /\.gz$/, /^\.\.\//],
        compileSrc: true,
        maximumFileSizeToCacheInBytes: 1024 * 1024,
      }),
      ...(production ? [new PrecompressPlugin()] : []),
    ],
    optimization: {
      ...remoteConfig.optimization,
      // webpack's default split of the lazy pages: what they share (zod and the contracts'
      // schemas, which the page's own script does without) is one chunk, not a copy in each.
      splitChunks: { chunks: 'async' },
    },
  };
  return [remoteConfig, publicPage];
};
