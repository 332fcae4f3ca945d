// One lint config for the whole repository: typescript-eslint's recommended rules with type information.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench-results/', '.wfb-cache/', '.wfb-tools/', 'schema/*.d.ts', 'examples/*/node_modules/', 'examples/*/workloads/*/assembly/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string union instead of enum (house style).' }],
    },
  },
  // Plain-JavaScript runners that Node starts without any transform (their start-up is what is measured).
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, program: null },
      globals: { process: 'readonly', Buffer: 'readonly', WebAssembly: 'readonly', globalThis: 'readonly' },
    },
  },
)
