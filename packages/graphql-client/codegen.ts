// Integration point: generates the typed client in src/generated/ from the API's committed schema.
// `pnpm codegen` writes src/generated/; scripts/check-codegen.mjs points NTM_CODEGEN_OUT at a temp
// dir and compares, so CI catches documents or schema that changed without regenerating.
import type { CodegenConfig } from '@graphql-codegen/cli';

const outDir = process.env['NTM_CODEGEN_OUT'] ?? './src/generated/';

const config: CodegenConfig = {
  schema: process.env['NTM_CODEGEN_SCHEMA'] ?? '../../apps/api/schema.graphql',
  documents: ['src/documents/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [outDir.endsWith('/') ? outDir : `${outDir}/`]: {
      preset: 'client',
      presetConfig: {
        // Components receive plain data; masking pays off only once fragments are colocated.
        fragmentMasking: false,
      },
      config: {
        // Documents ship as strings: no graphql-js printer or AST objects in the browser bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // Money is an exact integer number of đồng serialized as a digit string; callers use BigInt.
        // Date (YYYY-MM-DD) and DateTime (ISO 8601) arrive as strings too; parse where shown.
        scalars: {
          Money: 'string',
          MoneyDelta: 'string',
          Date: 'string',
          DateTime: 'string',
          IntArray: 'number[]',
          MoneyArray: 'string[]',
          // Sent as a multipart request by `request` (see client.ts).
          Upload: 'File | Blob',
        },
        strictScalars: true,
      },
    },
  },
};

export default config;
