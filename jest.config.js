// Four suites: `unit` (pure logic, no server), `integration` and `e2e` (against the real local
// stack started by ./portal test), `deploy` (parses the production manifests).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

// ESM-only dependencies are compiled to CommonJS for Jest too (@ant-design/colors: through
// @ant-design/icons, which `@par/ui`'s ErrorState imports).
const esmOnly = ['jose', '@ant-design/colors'];

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@par/(contracts|reports|scoring|service-kit|sheets)$': '<rootDir>/packages/$1/src/index.ts',
    '^@par/service-kit/(tracing|service-principal)$': '<rootDir>/packages/service-kit/src/$1.ts',
    '^@par/sheets/mapping$': '<rootDir>/packages/sheets/src/mapping.ts',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,frontends}/*/src/**/*.spec.{ts,tsx}'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{services,packages}/*/test/integration/**/*.spec.ts',
        '<rootDir>/deploy/test/integration/**/*.spec.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'deploy',
      // Only the top level: deploy/test/integration/ needs the stack and belongs to `integration`.
      testMatch: ['<rootDir>/deploy/test/*.spec.ts'],
    },
  ],
};
