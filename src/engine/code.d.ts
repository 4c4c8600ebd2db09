// Types for code.js (plain JS: src/cli/bin.js runs it before any TypeScript can be loaded).

/** The version of the code in `folder` (src/ or a compiled copy): a hash of its files and the locked dependencies. */
export function codeVersion(folder: URL): Promise<string>

/** The folder holding src/ compiled to JavaScript for this version, made if need be; `undefined` when it cannot be. */
export function compiledCode(): Promise<URL | undefined>
