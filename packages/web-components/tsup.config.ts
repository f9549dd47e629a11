import { defineConfig } from 'tsup'

// tsup only reads a default export (the one exception to the named-exports convention).
export default defineConfig({
  entry: { index: 'src/index.ts', define: 'src/define.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  dts: { compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'] } },
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.json',
})
