/**
 * The webpack set-up every frontend shares, above all the list of shared singletons: the shell and
 * the remotes must agree on it, or a remote would bring its own React, router, antd or i18n.
 */
const path = require('node:path');
const { promisify } = require('node:util');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');

const repoRoot = path.resolve(__dirname, '..');

/**
 * antd's components that no first page needs, each shared apart under its own path and imported
 * by it (`import Table from 'antd/es/table'`), so that they load with the page that uses them;
 * every other component comes from `antd` (antd-shared.js lists them). The shell's build must
 * provide each of them too (shell/src/remotes/provided-antd.ts names them).
 */
const heavyAntdComponents = [
  'table',
  'date-picker',
  'tree',
  'tabs',
  'steps',
  'descriptions',
  'pagination',
  'list',
  'drawer',
  'popconfirm',
  'form',
  'select',
];

/**
 * One instance per page, whoever loads first provides it (the shell, which lists them all).
 * @ant-design/icons stays out: a shared module cannot be tree-shaken, so sharing the icons would
 * ship all of them. zod is shared although stateless: contracts' schemas reach every bundle
 * (through `@par/client` and the remotes' own imports) and it cannot be tree-shaken anyway (its
 * `z` namespace), so sharing it keeps one copy per page instead of one per bundle. `antd` and
 * `react-router` are shared as the subsets the portal uses (antd-shared.js,
 * react-router-shared.js).
 */
const singletons = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  'react-dom/client',
  'react-router',
  'antd',
  ...heavyAntdComponents.map((component) => `antd/es/${component}`),
  'i18next',
  'react-i18next',
  'react-hook-form',
  'zod',
  '@par/ui',
  '@par/ui/form',
  '@par/client',
  '@par/auth',
];

function sharedModules(packageJson, isRemote) {
  const heavyAntd = new Set(heavyAntdComponents.map((component) => `antd/es/${component}`));
  const packageOf = (name) =>
    name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
  // The installed version, stated: `antd` and `react-router` resolve to files of this folder,
  // whose version webpack would otherwise take from the repository's package.json.
  const installedVersion = (name) =>
    name.startsWith('@par/')
      ? undefined
      : require(require.resolve(`${packageOf(name)}/package.json`, { paths: [repoRoot] })).version;
  return Object.fromEntries(
    singletons.map((name) => [
      name,
      {
        singleton: true,
        // zod comes with `@par/contracts`, not named by the frontends themselves.
        requiredVersion:
          packageJson.dependencies[packageOf(name)] ??
          (installedVersion(name) && `^${installedVersion(name)}`),
        ...(installedVersion(name) ? { version: installedVersion(name) } : {}),
        // A remote takes these from the shell, never from a copy of its own: registered with the
        // same version, a remote's copy would replace the shell's in the share scope and bring
        // its own antd internals, blind to the shell's theme and locale.
        ...(isRemote && heavyAntd.has(name) ? { import: false } : {}),
      },
    ]),
  );
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `x.js.br` and `x.js.gz` beside each script, compressed at the best quality once at build
 * time; par-web-server sends them instead of compressing on the fly (brotli is ~15 % smaller
 * than gzip on these bundles).
 */
class PrecompressPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) =>
          Promise.all(
            Object.entries(assets)
              .filter(([name, source]) => /\.(js|html)$/.test(name) && source.size() > 1024)
              .map(async ([name, source]) => {
                const buffer = source.buffer();
                const [br, gz] = await Promise.all([
                  brotli(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
                  gzip(buffer, { level: 9 }),
                ]);
                compilation.emitAsset(`${name}.br`, new sources.RawSource(br));
                compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz));
              }),
          ),
      );
    });
  }
}

const standaloneRuntimeFile = 'federation-runtime.js';

/**
 * A remote's bundles use the federation runtime the shell provides (`externalRuntime`); opened on
 * its own, the remote's index.html loads this small build of it first (without federation, so
 * it does not itself expect the runtime), so that the standalone notice still shows.
 */
function standaloneRuntimeConfig(dir, production) {
  return {
    name: 'standalone-runtime',
    mode: production ? 'production' : 'development',
    context: dir,
    entry: path.join(__dirname, 'federation-runtime-standalone.js'),
    output: { path: path.join(dir, 'dist'), filename: standaloneRuntimeFile, clean: false },
    devtool: false,
    optimization: {
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify })],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/** Puts the standalone runtime's script before the remote's own in its index.html. */
class StandaloneRuntimeTagPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('StandaloneRuntimeTagPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap(
        'StandaloneRuntimeTagPlugin',
        (data) => {
          data.assetTags.scripts.unshift(
            HtmlWebpackPlugin.createHtmlTagObject('script', {
              defer: true,
              src: `${data.publicPath}${standaloneRuntimeFile}`,
            }),
          );
          return data;
        },
      );
    });
  }
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
    const config = {
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
        // Keep what the remote's standalone runtime build (below) writes beside.
        clean: { keep: standaloneRuntimeFile },
      },
      devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
      resolve: {
        extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
        // Contracts and the scoring kernel compile with the frontend (ES modules, tree-shaken)
        // instead of from dist/.
        alias: {
          // The shared subsets (antd-shared.js, react-router-shared.js) and what they re-export
          // from: antd's ES modules, react-router's production build (its package.json sends
          // every bundler to the development one).
          antd$: path.join(__dirname, 'antd-shared.js'),
          'antd-original$': path.join(repoRoot, 'node_modules/antd/es/index.js'),
          'react-router$': path.join(__dirname, 'react-router-shared.js'),
          'react-router-original$': path.join(
            repoRoot,
            'node_modules/react-router/dist/production/index.mjs',
          ),
          '@par/contracts$': path.join(repoRoot, 'packages/contracts/src/index.ts'),
          '@par/scoring$': path.join(repoRoot, 'packages/scoring/src/index.ts'),
          // Only the pure part of @par/sheets (no parser) runs in the browser.
          '@par/sheets/mapping$': path.join(repoRoot, 'packages/sheets/src/mapping.ts'),
          // zod without its eval probe, which the CSP would report (zod-without-eval.js).
          zod$: path.join(__dirname, 'zod-without-eval.js'),
          'zod-original$': require.resolve('zod', { paths: [repoRoot] }).replace(/\.cjs$/, '.js'),
        },
      },
      module: {
        // An import of a name a module does not export fails the build instead of being undefined
        // in the browser. Not for shared modules (antd, react-router), whose exports a consumer
        // does not see: shell/src/shared-subsets.spec.ts checks those.
        parser: { javascript: { exportsPresence: 'error' } },
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
          shared: sharedModules(packageJson, isRemote),
          // Do not fetch every remote at start-up to compare versions: a remote that is down
          // must only affect its own area.
          shareStrategy: 'loaded-first',
          manifest: true,
          dts: false,
          // The federation runtime once per page: the shell provides it, the remotes use it
          // (~24 KB brotli each remote would otherwise bring again).
          experiments: isRemote ? { externalRuntime: true } : { provideExternalRuntime: true },
        }),
        new HtmlWebpackPlugin({
          template: path.join(dir, 'public/index.html'),
          title,
          // Absolute, so deep links (/admin/units) find the scripts.
          publicPath: '/',
        }),
        ...(isRemote ? [new StandaloneRuntimeTagPlugin()] : []),
        // zod's catalogue of 70 locales, English only (zod-locales-en.js).
        new webpack.NormalModuleReplacementPlugin(
          /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/,
          path.join(__dirname, 'zod-locales-en.js'),
        ),
        ...(production ? [new PrecompressPlugin()] : []),
      ],
      optimization: {
        // The shell's async chunks are mostly shared modules, which the remotes ask for one by
        // one: webpack's default split would cut the modules antd's subset has in common with
        // the path-shared components into a dozen chunks loaded with the subset (28 KB more
        // before the first input, measured). Unsplit, each path-shared component carries its own
        // copy of them (one instance at run time all the same: same module ids, one runtime).
        ...(isRemote
          ? {}
          : { splitChunks: { cacheGroups: { default: false, defaultVendors: false } } }),
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
    return isRemote ? [config, standaloneRuntimeConfig(dir, production)] : config;
  };
}

module.exports = { createConfig, singletons, heavyAntdComponents, PrecompressPlugin };
