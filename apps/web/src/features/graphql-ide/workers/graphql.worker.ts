// Worker entry: monaco-graphql's language service (completion, validation against the schema).
import 'monaco-graphql/esm/graphql.worker.js';
