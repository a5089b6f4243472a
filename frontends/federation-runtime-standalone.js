/**
 * The Module Federation runtime for a remote opened on its own (its standalone notice): inside the
 * portal the shell provides the runtime to the remotes (`provideExternalRuntime`), whose bundles
 * expect it as this global (`externalRuntime`). Built apart, without federation, by
 * webpack.common.js, and loaded by the remote's own index.html before its `main.js`.
 */
import * as runtimeCore from '@module-federation/runtime-core';

globalThis._FEDERATION_RUNTIME_CORE ??= runtimeCore;
