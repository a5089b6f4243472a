/**
 * The webpack set-up every frontend shares, above all the list of shared singletons: the shell and
 * the remotes must agree on it, or a remote would bring its own React, router, antd or i18n.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');

const repoRoot = path.resolve(__dirname, '..');

/**
 * One instance per page, whoever loads first provides it. Stateless libraries stay out
 * (@ant-design/icons, zod): a shared module cannot be tree-shaken, so sharing the icons
 * would ship all of them.
 */
const singletons = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'react-router',
  'antd',
  'i18next',
  'react-i18next',
  'react-hook-form',
  '@par/ui',
  '@par/client',
  '@par/auth',
];

function sharedModules(packageJson) {
  const versionOf = (name) => {
    const base = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
    return packageJson.dependencies[base];
  };
  return Object.fromEntries(
    singletons.map((name) => [name, { singleton: true, requiredVersion: versionOf(name) }]),
  );
}

/**
 * @param {object} options
 * @param {string} options.dir            the frontend's folder (__dirname of its webpack.config.js)
 * @param {string} options.name           Module Federation name; for a remote, the name the shell's
 *                                        runtime config gives it (letters, digits, underscore)
 * @param {Record<string, string>} [options.exposes]  a remote exposes exactly { './App': … }
 * @param {string} options.title          the <title> of the page the frontend serves on its own
 */
function createConfig({ dir, name, exposes, title }) {
  const packageJson = require(path.join(dir, 'package.json'));
  const isRemote = Boolean(exposes);

  return (_env, argv) => {
    const production = argv.mode !== 'development';
    return {
      mode: production ? 'production' : 'development',
      context: dir,
      entry: './src/index.ts',
      output: {
        path: path.join(dir, 'dist'),
        // Remotes' chunks load from the remote's own origin, wherever the shell runs.
        publicPath: 'auto',
        uniqueName: name,
        // Entry chunks (main.js, remoteEntry.js) keep fixed names, which the federation runtime needs;
        // the server sends them with no-cache, and everything they load is content-hashed.
        filename: '[name].js',
        chunkFilename: production ? '[name].[contenthash:12].js' : '[name].js',
        clean: true,
      },
      devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
      resolve: {
        extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
        // Contracts and the scoring kernel compile with the frontend (ES modules, tree-shaken)
        // instead of from dist/.
        alias: {
          '@par/contracts$': path.join(repoRoot, 'packages/contracts/src/index.ts'),
          '@par/scoring$': path.join(repoRoot, 'packages/scoring/src/index.ts'),
          // zod without its eval probe, which the CSP would report (zod-without-eval.js).
          zod$: path.join(__dirname, 'zod-without-eval.js'),
          'zod-original$': require.resolve('zod', { paths: [repoRoot] }).replace(/\.cjs$/, '.js'),
        },
      },
      module: {
        rules: [
          {
            test: /\.[cm]?[jt]sx?$/,
            exclude: /node_modules/,
            use: {
              loader: 'swc-loader',
              options: {
                jsc: {
                  parser: { syntax: 'typescript', tsx: true },
                  target: 'es2022',
                  transform: { react: { runtime: 'automatic', development: !production } },
                },
              },
            },
          },
          // Schemas are built at module load; a frontend that only needs a type or a message
          // must not pull in every schema (and zod) with them.
          { test: /[\\/]packages[\\/]contracts[\\/]src[\\/]/, sideEffects: false },
        ],
      },
      plugins: [
        new ModuleFederationPlugin({
          name,
          ...(isRemote ? { filename: 'remoteEntry.js', exposes } : {}),
          shared: sharedModules(packageJson),
          // Do not fetch every remote at start-up to compare versions: a remote that is down
          // must only affect its own area.
          shareStrategy: 'loaded-first',
          manifest: true,
          dts: false,
        }),
        new HtmlWebpackPlugin({
          template: path.join(dir, 'public/index.html'),
          title,
          // Absolute, so deep links (/admin/units) find the scripts.
          publicPath: '/',
        }),
      ],
      optimization: {
        // swc minifies about three times faster than terser, with the same sizes.
        minimizer: [
          new MinimizerPlugin({
            minify: MinimizerPlugin.swcMinify,
            terserOptions: { compress: true, mangle: true },
          }),
        ],
      },
      // Rebuilds reuse unchanged modules; the cache lives in the frontend's node_modules/.cache.
      cache: {
        type: 'filesystem',
        buildDependencies: {
          config: [path.join(__dirname, 'webpack.common.js'), path.join(dir, 'webpack.config.js')],
        },
      },
      performance: { hints: false },
      stats: 'errors-warnings',
    };
  };
}

module.exports = { createConfig, singletons };
