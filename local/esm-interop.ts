/**
 * middy 7 ships ESM only (its exports have no "require" condition), while tsx runs this CommonJS
 * project's handlers with require. Lambda gets them bundled by esbuild; locally this resolve hook
 * lets require() find middy's ESM entry, which Node 22's require(esm) then loads. Jest transforms
 * middy itself and never reaches this hook.
 */
import nodeModule from 'node:module';

type ResolveHook = (specifier: string, context: { conditions?: string[] }, next: (specifier: string, context?: object) => unknown) => unknown;
const hooks = nodeModule as unknown as { registerHooks?: (hooks: { resolve: ResolveHook }) => unknown };

let installed = false;

/** Installs the hook once per process (no-op where Node lacks module.registerHooks). */
export function allowRequireOfEsmOnlyPackages(): void {
  if (installed || typeof hooks.registerHooks !== 'function') return;
  installed = true;
  try {
    register(hooks.registerHooks);
  } catch {
    // Jest's module registry refuses hooks; it transforms middy itself (jest.config.js).
  }
}

function register(registerHooks: NonNullable<typeof hooks.registerHooks>): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (!specifier.startsWith('@middy/')) return next(specifier, context);
      return next(specifier, { ...context, conditions: [...(context.conditions ?? []), 'import'] });
    },
  });
}
